import { type DigestCalculatorProps, digestCalculatorModel } from '@/lib/content/widgets/digest-calculator';
import { DigestCalculatorForm } from './DigestCalculatorForm';

/**
 * <DigestCalculator />: RFC 7616 §3.4's hash chain as a small live calculator. It is server-rendered
 * with the RFC 7616 §3.9.1 example filled in, so every step and the header read without JavaScript and
 * in print; once hydrated, each step follows what the reader types.
 */
export function DigestCalculator(props: DigestCalculatorProps) {
  return <DigestCalculatorForm initial={digestCalculatorModel(props)} />;
}
