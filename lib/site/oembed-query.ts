import * as z from 'zod';

// The oEmbed request (oEmbed §2.2): url required; maxwidth and maxheight optional positive integers;
// format json (the default) or xml. Other parameters are ignored, as consumers may add their own.

const dimension = z
  .string()
  .regex(/^[1-9]\d{0,4}$/, 'must be a whole number of pixels from 1 to 99999')
  .transform(Number)
  .optional();

export const oembedQuerySchema = z.object({
  url: z
    .string({ error: 'url is required: the lab page to embed' })
    .max(4096, 'url is longer than 4096 characters')
    .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), 'url must be an absolute http or https URL'),
  maxwidth: dimension,
  maxheight: dimension,
  format: z.string().optional(),
});

export type OembedQuery = z.infer<typeof oembedQuerySchema>;
