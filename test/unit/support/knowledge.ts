import { mergeKnowledge, type Knowledge } from '../../../src/core/knowledge/knowledge';
import { loadKnowledgeFile } from '../../../src/core/knowledge/loadKnowledgeFile';
import type { KnowledgeFile } from '../../../src/core/knowledge/types';

/** Loads YAML through the real loader and fails loudly if it has errors, so tests never run on half a file. */
export function loadFile(text: string, uri = 'file:///test.trade.yaml'): KnowledgeFile {
  const { file, problems } = loadKnowledgeFile(uri, text);
  if (!file) throw new Error(`test knowledge has errors: ${problems.map((p) => p.message).join('; ')}`);
  return file;
}

export function knowledgeFrom(text: string): Knowledge {
  return mergeKnowledge(undefined, [loadFile(text)]).knowledge;
}

/** A small knowledge base with the tricky names the matching rules talk about. */
export const TALKS_YAML = `kind: trade-knowledge
version: 1
countries:
  US: { name: United States, aliases: [U.S., US, USA, America, American, Washington], flag: "🇺🇸" }
  CN: { name: China, aliases: [Chinese, PRC, Beijing], flag: "🇨🇳" }
  EU: { name: European Union, aliases: [EU], flag: "🇪🇺" }
officials:
  - id: he-lifeng
    name: He Lifeng
    aliases: [Vice Premier He Lifeng, 何立峰, He]
    country: CN
    title: Vice Premier
  - id: scott-bessent
    name: Scott Bessent
    aliases: [Bessent, Treasury Secretary Bessent]
    country: US
    title: Secretary of the Treasury
  - id: maros-sefcovic
    name: Maroš Šefčovič
    aliases: [Šefčovič]
    country: EU
    title: European Commissioner for Trade and Economic Security
  - id: ursula-von-der-leyen
    name: Ursula von der Leyen
    aliases: [von der Leyen]
    country: EU
    title: President of the European Commission
  - id: xi-jinping
    name: Xi Jinping
    aliases: [Xi, 习近平]
    country: CN
    title: President of the People's Republic of China
tariffs:
  - id: us-on-cn
    by: US
    on: CN
    label: US tariffs on goods from China
    history:
      - { date: 2025-02-04, rate: 10% }
      - { date: 2025-03-04, rate: 20% }
      - { date: 2025-04-10, rate: 145% }
      - { date: 2025-05-14, rate: 30% }
  - id: cn-on-us
    by: CN
    on: US
    label: China's tariffs on goods from the US
    history:
      - { date: 2025-04-10, rate: 84% }
      - { date: 2025-04-12, rate: 125% }
      - { date: 2025-05-14, rate: 10% }
  - id: eu-steel
    by: EU
    on: US
    label: EU duties on US steel products (test data)
    history:
      - { date: 2025-01-01, rate: 7.5 }
`;
