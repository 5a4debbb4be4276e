// A lesson's PDF handout, printed by this server (lib/export/handout-download.ts).
import { handoutDownload } from '@/lib/export/handout-download';

type Context = { params: Promise<{ file: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return handoutDownload(request, (await params).file);
}

export async function HEAD(request: Request, { params }: Context): Promise<Response> {
  return handoutDownload(request, (await params).file);
}
