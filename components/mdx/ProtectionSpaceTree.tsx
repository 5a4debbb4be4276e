import { type ProtectionSpaceTreeProps, protectionSpaceTreeModel } from '@/lib/content/widgets/protection-space-tree';
import { ProtectionSpacePicker } from './ProtectionSpacePicker';

/**
 * <ProtectionSpaceTree urls accepted>: RFC 7617 §2.2's reuse rule as a URL tree. The props are checked
 * here, on the server; the tree is server-rendered with `accepted` chosen, so it reads without JavaScript
 * and in print, and the reader can then pick another URL and watch the marks move.
 */
export function ProtectionSpaceTree(props: ProtectionSpaceTreeProps) {
  return <ProtectionSpacePicker model={protectionSpaceTreeModel(props)} />;
}
