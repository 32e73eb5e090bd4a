import type { PhaseValue } from './template.table.ts';

/** The TALKO process, shipped with the platform: a fixed id, never stored, copied into spaces on request. */
export const TALKO_TEMPLATE_ID = '7a1c0000-0000-4000-8000-000000000001';

export const TALKO_TEMPLATE = {
  id: TALKO_TEMPLATE_ID,
  name: 'TALKO – lokal utveckling i samverkan',
  description:
    'Från byarnas behov till gemensam handling och uppföljning: offentlig, privat och ideell sektor och unga i kommunen arbetar fram en lokal handlingsplan, prövar den i ett testtillfälle och lämnar över till ordinarie verksamhet.',
  phases: [
    {
      id: 'start',
      title: 'Uppstart',
      steps: [
        {
          id: 'kick-off',
          title: 'Kick-off i två dagar',
          guidance: {
            what: 'Två dagars uppstart med kommunens fyra sektorer och unga: nuläge, styrkor och vad byarna behöver.',
            why: 'Alla parter möts tidigt och äger processen tillsammans.',
            who: 'Processledaren bjuder in; kommunen är värd.',
            duration: '2 dagar',
          },
          checklist: ['Bjud in alla fyra sektorer och unga', 'Boka lokal nära byarna', 'Registrera närvaro'],
          material: [{ title: 'Inbjudningsmall kick-off' }, { title: 'Program för två dagar' }],
          criterion: { kind: 'event_held', eventKind: 'kick_off' as const },
          dueAfterDays: 30,
        },
      ],
    },
    {
      id: 'needs',
      title: 'Byarnas behov',
      steps: [
        {
          id: 'village-needs',
          title: 'Samla byarnas behov',
          guidance: {
            what: 'Bygdedialoger och formulär där boende, företag och föreningar lämnar behov och idéer.',
            why: 'Handlingsplanen ska bygga på vad byarna själva säger.',
            who: 'Arbetsgruppen med stöd av processledaren.',
            duration: '4–6 veckor',
          },
          checklist: ['Minst en bygdedialog', 'Formuläret delat i byarna', 'Papperssvar inmatade'],
          material: [{ title: 'Underlag för bygdedialog' }],
          criterion: { kind: 'inputs_collected', min: 10 },
          dueAfterDays: 75,
        },
      ],
    },
    {
      id: 'group',
      title: 'Arbetsgrupp',
      steps: [
        {
          id: 'working-group',
          title: 'Lokal arbetsgrupp bildad',
          guidance: {
            what: 'En arbetsgrupp med minst fyra från offentlig, fyra från privat och fyra från ideell sektor och en ung person.',
            why: 'Balansen mellan sektorerna gör att planen bärs av alla.',
            who: 'Kommunens kontaktperson och processledaren.',
            duration: '2–4 veckor',
          },
          checklist: ['4 offentlig', '4 privat', '4 ideell', '1 ung'],
          material: [{ title: 'Rollbeskrivning arbetsgrupp' }],
          criterion: { kind: 'working_group_complete', min: 4 },
          dueAfterDays: 90,
        },
      ],
    },
    {
      id: 'plan',
      title: 'Handlingsplan',
      steps: [
        {
          id: 'action-plan',
          title: 'Lokal handlingsplan antagen',
          guidance: {
            what: 'Arbetsgruppen prioriterar behoven och skriver en lokal handlingsplan med åtgärder, ansvar och tid.',
            why: 'Planen gör behoven till gemensam handling.',
            who: 'Arbetsgruppen; antas av parterna.',
            duration: '6–8 veckor',
          },
          checklist: ['Prioritera behoven', 'Åtgärder med ansvarig och tid', 'Förankra hos parterna'],
          material: [{ title: 'Mall lokal handlingsplan' }],
          criterion: { kind: 'action_plan_adopted' },
          dueAfterDays: 150,
        },
      ],
    },
    {
      id: 'test',
      title: 'Testtillfälle',
      steps: [
        {
          id: 'test-session',
          title: 'Testtillfälle med återkoppling',
          guidance: {
            what: 'Pröva verktyget och processen i ett testtillfälle; deltagarna svarar på ett kort formulär i mobilen.',
            why: 'Återkopplingen visar vad som ska ändras innan överlämningen.',
            who: 'Processledaren och arbetsgruppen.',
            duration: '1 dag',
          },
          checklist: ['Återkopplingsformulär kopplat till tillfället', 'QR-kod på plats', 'Minst fem svar'],
          material: [{ title: 'Återkopplingsformulär testtillfälle' }],
          criterion: { kind: 'test_session_feedback', min: 5 },
          dueAfterDays: 180,
        },
      ],
    },
    {
      id: 'evaluation',
      title: 'Utvärdering',
      steps: [
        {
          id: 'evaluation',
          title: 'Utvärdering och ändringslogg',
          guidance: {
            what: 'Gå igenom återkopplingen, besluta vad som ändras och skriv det i ändringsloggen.',
            why: 'Verktyget förbättras av dem som använder det.',
            who: 'Processledaren med arbetsgruppen.',
            duration: '2 veckor',
          },
          checklist: ['Resultaten genomgångna', 'Ändringar loggade'],
          material: [],
          criterion: null,
          dueAfterDays: 200,
        },
      ],
    },
    {
      id: 'handover',
      title: 'Överlämning',
      steps: [
        {
          id: 'handover',
          title: 'Överlämning till ordinarie verksamhet',
          guidance: {
            what: 'Kommunen och parterna tar över planen och uppföljningen.',
            why: 'Arbetet ska leva vidare efter projektet.',
            who: 'Kommunen och styrgruppen.',
            duration: '1 möte',
          },
          checklist: ['Ansvar för uppföljning bestämt', 'Kontaktpersoner utsedda'],
          material: [],
          criterion: null,
          dueAfterDays: 240,
        },
      ],
    },
  ] satisfies PhaseValue[],
};
