/**
 * A deterministic corpus of news articles for the benchmark: half Arabic, half English, about
 * 8 KB each, with the things the rules look at (quotes with and without speakers, named,
 * anonymous and vague sources, figures, outlets, links, a sources section, promo lines) and
 * the markdown around them (frontmatter, headings, lists, block quotes, emphasis).
 *
 * The same seed gives the same bytes on every machine: a seeded PRNG (mulberry32), no dates,
 * no locale-dependent formatting.
 */
import {mkdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'

/** mulberry32: a small, fast, well-distributed 32-bit PRNG. */
export function prng(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Random = () => number

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]
}

function int(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1))
}

const EN = {
  people: ['Maria Lopez', 'Ahmed Karim', 'John Miller', 'Sara Haddad', 'Peter Novak', 'Leila Mansour', 'David Chen', 'Fatima Zahra'],
  roles: ['the mayor of Riverton', 'a spokesman for the health ministry', 'the head of the port authority', 'an economist at the central bank', 'the regional governor', 'a senior engineer at the utility'],
  anonymous: ['a senior official', 'a source familiar with the talks', 'a diplomat who asked not to be named', 'two people close to the negotiations', 'an aide to the minister'],
  vague: ['Experts say', 'Critics argue', 'Many believe', 'Observers note', 'It is widely thought', 'Some analysts say'],
  outlets: ['Reuters', 'the Associated Press', 'AFP', 'the BBC', 'Bloomberg', 'The New York Times'],
  places: ['the northern valley', 'the capital', 'the coastal province', 'the river delta', 'the industrial zone', 'the border crossing'],
  subjects: ['the new budget', 'the water crisis', 'the ceasefire talks', 'the power cuts', 'the vaccination campaign', 'the port expansion', 'the fuel subsidies'],
  quotes: [
    'We have never seen anything like this before',
    'The situation is under control and the teams are working day and night',
    'Nobody told us the bridge was going to close',
    'We will publish the full figures as soon as they are checked',
    'This is a difficult moment for every family in the region',
    'The plan was approved after months of negotiation'
  ],
  verbs: ['said', 'told reporters', 'added', 'noted', 'said in a statement', 'told a news conference'],
  promo: ['Read more: Ten tips for cleaning up after a storm', 'Follow us on Facebook | X | Instagram | YouTube', 'Subscribe to our newsletter for the latest updates', 'Download our app for breaking news alerts', 'Related: How the crisis unfolded, in pictures'],
  headings: ['What happened', 'Why it matters', 'What comes next', 'The background', 'Reactions', 'The numbers']
}

const AR = {
  people: ['أحمد الخطيب', 'سارة منصور', 'محمد العلي', 'ليلى حداد', 'خالد يوسف', 'فاطمة الزهراء', 'عمر سليمان', 'نادية كريم'],
  roles: ['وزير الصحة', 'المتحدث باسم الحكومة', 'رئيس بلدية المدينة', 'مدير هيئة الموانئ', 'الخبير الاقتصادي في البنك المركزي', 'محافظ الإقليم'],
  anonymous: ['مصدر مسؤول', 'مسؤول رفيع طلب عدم الكشف عن هويته', 'دبلوماسي غربي', 'مصدر مقرب من المفاوضات', 'مصادر مطلعة'],
  vague: ['يرى خبراء', 'يقول مراقبون', 'يعتقد كثيرون', 'تشير تقارير', 'بحسب محللين'],
  outlets: ['وكالة رويترز', 'وكالة الأنباء الفرنسية', 'قناة الجزيرة', 'صحيفة الشرق الأوسط', 'وكالة الأناضول', 'بي بي سي'],
  places: ['شمال البلاد', 'العاصمة', 'المنطقة الساحلية', 'دلتا النهر', 'المنطقة الصناعية', 'المعبر الحدودي'],
  subjects: ['الموازنة الجديدة', 'أزمة المياه', 'محادثات وقف إطلاق النار', 'انقطاع الكهرباء', 'حملة التطعيم', 'توسعة الميناء', 'دعم الوقود'],
  quotes: [
    'لم نشهد شيئا كهذا من قبل',
    'الوضع تحت السيطرة والفرق تعمل ليلا ونهارا',
    'لم يخبرنا أحد بأن الجسر سيغلق',
    'سننشر الأرقام كاملة فور التحقق منها',
    'هذه لحظة صعبة على كل أسرة في المنطقة',
    'تمت الموافقة على الخطة بعد أشهر من المفاوضات'
  ],
  verbs: ['قال', 'وأضاف', 'وأكد', 'وأوضح', 'وقال في بيان', 'وصرح للصحفيين'],
  promo: ['اقرأ أيضا: عشر نصائح للتنظيف بعد العاصفة', 'تابعونا على فيسبوك وتويتر وإنستغرام', 'اشترك في نشرتنا البريدية لتصلك آخر الأخبار', 'حمل تطبيقنا لتصلك الأخبار العاجلة', 'مواضيع ذات صلة: كيف تطورت الأزمة بالصور'],
  headings: ['ماذا حدث', 'لماذا يهم', 'ماذا بعد', 'الخلفية', 'ردود الفعل', 'بالأرقام']
}

function englishParagraph(random: Random, links: string[]): string {
  const person = pick(random, EN.people)
  const role = pick(random, EN.roles)
  const subject = pick(random, EN.subjects)
  const place = pick(random, EN.places)
  const figure = int(random, 2, 950)
  const outlet = pick(random, EN.outlets)
  switch (int(random, 0, 9)) {
    case 0:
      return `"${pick(random, EN.quotes)}," ${pick(random, EN.verbs)} ${person}, ${role}, on ${pick(random, ['Monday', 'Tuesday', 'Friday'])}. The remarks came as officials in ${place} met to discuss ${subject}.`
    case 1:
      return `"${pick(random, EN.quotes)}." The statement was read out at the start of a meeting on ${subject}, which lasted more than ${int(random, 2, 9)} hours.`
    case 2: {
      const source = pick(random, EN.anonymous)
      return `${source[0].toUpperCase()}${source.slice(1)} said the decision on ${subject} had been delayed again, and that the government in ${place} was divided.`
    }
    case 3:
      return `${pick(random, EN.vague)} that ${subject} will cost far more than planned, and that families in ${place} will pay the price.`
    case 4:
      return `At least ${figure} people were affected in ${place}, and the damage was estimated at $${int(random, 2, 90)} million, according to ${outlet}.`
    case 5:
      return `Prices rose ${int(random, 2, 40)}% over the year, the highest rate in a decade, while ${int(random, 100, 9000)} jobs were lost in ${place}.`
    case 6: {
      const url = `https://example.org/news/${int(random, 1000, 9999)}`
      links.push(url)
      return `In a report published this week, [${outlet}](${url}) said ${subject} had been discussed at the highest level, citing ${pick(random, EN.anonymous)}.`
    }
    case 7:
      return `${person}, ${role}, told ${outlet} that the plan for ${subject} was "${pick(random, EN.quotes).toLowerCase()}" and that work would resume in ${place} *next month*.`
    case 8:
      return `The talks on ${subject} are expected to continue next week. Residents of ${place} said they were waiting for **clear answers** about what comes next, and about who will pay.`
    default:
      return `${outlet} reported that ${figure} families had been moved from ${place}. It was the largest evacuation the region has seen.`
  }
}

function arabicParagraph(random: Random, links: string[]): string {
  const person = pick(random, AR.people)
  const role = pick(random, AR.roles)
  const subject = pick(random, AR.subjects)
  const place = pick(random, AR.places)
  const figure = int(random, 2, 950)
  const outlet = pick(random, AR.outlets)
  switch (int(random, 0, 9)) {
    case 0:
      return `${pick(random, AR.verbs)} ${person}، ${role}، إن «${pick(random, AR.quotes)}»، وذلك خلال اجتماع في ${place} لبحث ${subject}.`
    case 1:
      return `«${pick(random, AR.quotes)}». وجاء ذلك في مستهل اجتماع بشأن ${subject} استمر أكثر من ${int(random, 2, 9)} ساعات.`
    case 2:
      return `وقال ${pick(random, AR.anonymous)} إن القرار بشأن ${subject} تأجل مرة أخرى، وإن الحكومة في ${place} منقسمة حوله.`
    case 3:
      return `${pick(random, AR.vague)} أن ${subject} ستكلف أكثر بكثير مما كان مخططا له، وأن الأسر في ${place} ستدفع الثمن.`
    case 4:
      return `وتضرر ما لا يقل عن ${figure} شخصا في ${place}، وقدرت الخسائر بنحو ${int(random, 2, 90)} مليون دولار، بحسب ${outlet}.`
    case 5:
      return `وارتفعت الأسعار بنسبة ${int(random, 2, 40)}% خلال العام، وهو أعلى معدل منذ عقد، فيما فقدت ${int(random, 100, 9000)} وظيفة في ${place}.`
    case 6: {
      const url = `https://example.org/ar/news/${int(random, 1000, 9999)}`
      links.push(url)
      return `وذكرت [${outlet}](${url}) في تقرير نشرته هذا الأسبوع أن ${subject} نوقشت على أعلى المستويات، نقلا عن ${pick(random, AR.anonymous)}.`
    }
    case 7:
      return `وقال ${person}، ${role}، لـ${outlet} إن خطة ${subject} «${pick(random, AR.quotes)}»، وإن العمل سيستأنف في ${place} *الشهر المقبل*.`
    case 8:
      return `ومن المتوقع أن تستمر المحادثات بشأن ${subject} الأسبوع المقبل. وقال سكان في ${place} إنهم ينتظرون **إجابات واضحة** عما سيأتي.`
    default:
      return `وأفادت ${outlet} بأن ${figure} أسرة نقلت من ${place}، في أكبر عملية إجلاء تشهدها المنطقة.`
  }
}

/** One article of about `targetBytes` bytes of UTF-8. */
export function article(random: Random, lang: 'ar' | 'en', targetBytes = 8192): string {
  const data = lang === 'ar' ? AR : EN
  const paragraph = lang === 'ar' ? arabicParagraph : englishParagraph
  const links: string[] = []
  const title = `${pick(random, data.subjects)}: ${pick(random, data.places)}`
  const parts = [`---\ntitle: "${title}"\nlang: ${lang}\n---`, `# ${title}`]
  let bytes = 0
  const budget = targetBytes - 400
  while (bytes < budget) {
    const roll = random()
    let block: string
    if (roll < 0.06) block = `## ${pick(random, data.headings)}`
    else if (roll < 0.1) block = [0, 1, 2].map(() => `- ${paragraph(random, links)}`).join('\n')
    else if (roll < 0.12) block = `> ${paragraph(random, links)}`
    else if (roll < 0.15) block = pick(random, data.promo)
    // Scraped articles: several paragraphs on one markdown paragraph, one a line.
    else if (roll < 0.2) block = [paragraph(random, links), paragraph(random, links)].join('\\\n')
    else block = paragraph(random, links)
    parts.push(block)
    bytes += Buffer.byteLength(block) + 2
  }
  parts.push(lang === 'ar' ? '## المصادر' : '## Sources')
  parts.push((links.length ? links : ['https://example.org/about']).map((url) => `- <${url}>`).join('\n'))
  return parts.join('\n\n') + '\n'
}

export interface Corpus {
  root: string
  /** Folders of 500, 500 and 1,000 articles: the first, the first two, or all three make 500, 1,000 and 2,000. */
  parts: string[]
  files: string[]
}

/** Write `count` articles (alternately Arabic and English) under `root`, split in parts for the RSS curve. */
export function writeCorpus(root: string, count = 2000, seed = 7): Corpus {
  const random = prng(seed)
  const sizes = [Math.round(count / 4), Math.round(count / 4)]
  sizes.push(count - sizes[0] - sizes[1])
  const parts: string[] = []
  const files: string[] = []
  let index = 0
  for (const [k, size] of sizes.entries()) {
    const folder = path.join(root, `part${k + 1}`)
    mkdirSync(folder, {recursive: true})
    parts.push(folder)
    for (let i = 0; i < size; i++, index++) {
      const lang = index % 2 === 0 ? 'ar' : 'en'
      const file = path.join(folder, `article-${String(index).padStart(4, '0')}-${lang}.md`)
      writeFileSync(file, article(random, lang))
      files.push(file)
    }
  }
  return {root, parts, files}
}

/** One long article of about `bytes` bytes (half Arabic, half English paragraphs), for the scaling test. */
export function longArticle(bytes: number, seed = 11): string {
  const random = prng(seed)
  const chunks: string[] = []
  let size = 0
  for (let i = 0; size < bytes; i++) {
    const chunk = article(random, i % 2 === 0 ? 'ar' : 'en').replace(/^---\n[\s\S]*?\n---\n\n/, '')
    chunks.push(chunk)
    size += Buffer.byteLength(chunk) + 1
  }
  return chunks.join('\n')
}

/**
 * A corpus like the seed article, as issue 14 measured it: `count` Arabic articles of about
 * 8 KB, each the seed's paragraphs (fixtures/seed/article.md) with their figures changed and in
 * another order, so that no two files are the same.
 */
export function writeSeedCorpus(root: string, seedText: string, count = 2000, seed = 13): string[] {
  const random = prng(seed)
  // Paragraphs as the seed keeps them: apart by blank lines (article.md), or a line each as scraped (article.raw.md).
  const separator = /\n\n/.test(seedText) ? '\n\n' : '\n'
  const [title, ...paragraphs] = seedText.trim().split(/\n+/)
  mkdirSync(root, {recursive: true})
  const files: string[] = []
  for (let index = 0; index < count; index++) {
    const body: string[] = []
    let bytes = Buffer.byteLength(title)
    while (bytes < 8000) {
      const paragraph = pick(random, paragraphs).replace(/\d+/g, () => String(int(random, 2, 999)))
      body.push(paragraph)
      bytes += Buffer.byteLength(paragraph) + separator.length
    }
    const file = path.join(root, `seed-${String(index).padStart(4, '0')}.md`)
    writeFileSync(file, [title, ...body].join(separator) + '\n')
    files.push(file)
  }
  return files
}
