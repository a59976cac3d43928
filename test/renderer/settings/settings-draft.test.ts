import { describe, expect, it } from 'vitest';
import type { PrinterProfile } from '../../../shared/domain/printers';
import type { PublicSettings } from '../../../shared/domain/settings';
import {
  addPrinter,
  canAddPrinter,
  defaultChoiceLockedBy,
  dpiFromText,
  draftFromSettings,
  fieldProblemsFrom,
  fieldProblemsOf,
  LANGUAGE_CHOICES,
  MEDIA_CHOICES,
  patchFromDraft,
  printerFieldLockedBy,
  printerIdFromName,
  printerProblems,
  removePrinter,
  restorePrinter,
  secretLockedBy,
  summarizeProblems,
  testPrintInput,
  tiktokDraftChanged,
  type SettingsDraft,
} from '../../../renderer/settings/settings-draft';
import { PrinterLanguage, PrinterSetup, MediaSize, MAX_PRINTERS } from '../../../shared/domain/printers';

const labelPrinter: PrinterProfile = {
  id: 'label',
  name: 'Label printer',
  address: 'tcp://10.0.0.5:9100',
  dpi: 203,
  language: 'zpl',
  media: '4x6',
  statusCheck: true,
};
const officePrinter: PrinterProfile = {
  id: 'office-a4',
  name: 'Office A4',
  address: 'cups:Office',
  dpi: 300,
  language: 'pdf',
  media: '4x6',
  statusCheck: true,
};

const settings: PublicSettings = {
  provider: 'sandbox',
  aftership: {
    baseUrl: 'https://api.aftership.com/postmen/v3',
    shipperAccountId: '',
    serviceType: 'tiktok-shipping_standard_shipping',
    lateLabelWindowSeconds: 120,
    askBeforeBuying: 'always',
  },
  tiktok: {
    apiBaseUrl: 'https://open-api.tiktokglobalshop.com',
    authBaseUrl: 'https://auth.tiktok-shops.com',
    appKey: '6abc123',
    shopCipher: '',
    lateLabelWindowSeconds: 120,
  },
  shipium: { baseUrl: 'https://api.shipium.com', lateLabelWindowSeconds: 300 },
  shopify: { storeUrl: '' },
  ordersFile: '',
  printers: { defaultId: 'label', list: [labelPrinter] },
  defaultParcel: { dimension: { width: 8, height: 6, depth: 4, unit: 'in' }, weight: { value: 1.2, unit: 'lb' } },
  operator: 'Maria',
  sandbox: { latencyMs: 400 },
  operators: { idleSignOutMinutes: 0, returnToScanSeconds: 60 },
  boxPresets: [
    { id: 'medium', name: 'Medium', dimension: { width: 12, height: 10, depth: 6, unit: 'in' }, tareWeight: { value: 0.6, unit: 'lb' } },
  ],
  packing: { maxUnitsPerBox: 4, checkItems: false },
  scale: { device: { kind: 'none' }, mustBeStable: true, stableWaitSeconds: 3, minWeight: null, maxWeight: null },
  storage: { labelFileRetentionDays: 90, backupFolder: '', backupsKept: 7, dailyBackup: true },
  systemsApi: { enabled: false, host: '127.0.0.1', port: 7420 },
  exports: { folder: '' },
  labelDownload: { deadlineSeconds: 20 },
  secrets: { aftershipApiKey: false, tiktokAppSecret: true, shipiumApiKey: false, shopifyAdminToken: false },
  tiktokAuthorization: { authorized: false, accessTokenExpiresAt: null, shopName: null },
  lockedByEnv: [],
};

describe('settings form draft', () => {
  it('round-trips unchanged settings into a full patch, every provider section included', () => {
    const { patch, errors } = patchFromDraft(draftFromSettings(settings), []);
    expect(errors).toEqual([]);
    expect(patch).toEqual({
      provider: 'sandbox',
      aftership: settings.aftership,
      tiktok: settings.tiktok,
      shipium: settings.shipium,
      shopify: { storeUrl: '' },
      ordersFile: '',
      printers: { defaultId: 'label', list: [labelPrinter] },
      defaultParcel: settings.defaultParcel,
      operator: 'Maria',
      sandbox: { latencyMs: 400 },
      operators: { idleSignOutMinutes: 0, returnToScanSeconds: 60 },
      boxPresets: settings.boxPresets,
      packing: { maxUnitsPerBox: 4, checkItems: false },
      labelDownload: { deadlineSeconds: 20 },
    });
  });

  it('sends the wait for a label file as whole seconds and says when it is not', () => {
    const draft = draftFromSettings(settings);
    expect(patchFromDraft({ ...draft, downloadDeadlineSeconds: ' 45 ' }, []).patch.labelDownload).toEqual({ deadlineSeconds: 45 });
    expect(patchFromDraft({ ...draft, downloadDeadlineSeconds: '2.5' }, []).errors).toContain(
      'Wait for a label file: whole seconds (1 to 300).',
    );
  });

  it('sends the choice of asking AfterShip before buying, unless the environment sets it', () => {
    const draft = { ...draftFromSettings(settings), aftershipAskBeforeBuying: 'history-gaps' as const };
    expect(patchFromDraft(draft, []).patch.aftership?.askBeforeBuying).toBe('history-gaps');
    const locked = [{ field: 'aftership.askBeforeBuying', variable: 'AFTERSHIP_ASK_BEFORE_BUYING' }];
    expect(patchFromDraft(draft, locked).patch.aftership).not.toHaveProperty('askBeforeBuying');
  });

  it('keeps edits to a provider section that is not shown, trimmed', () => {
    const draft = {
      ...draftFromSettings(settings),
      provider: 'shipium' as const,
      shipperAccountId: '  acc_123 ',
      shopifyStoreUrl: ' https://sunrise.myshopify.com ',
    };
    const { patch } = patchFromDraft(draft, []);
    expect(patch.provider).toBe('shipium');
    expect(patch.aftership?.shipperAccountId).toBe('acc_123');
    expect(patch.shopify).toEqual({ storeUrl: 'https://sunrise.myshopify.com' });
  });

  it('leaves fields set by environment variables out of the patch, but always sends the whole printer list', () => {
    const locked = [
      { field: 'printer.address', variable: 'LABEL_STATION_PRINTER' },
      { field: 'printers.defaultId', variable: 'LABEL_STATION_PRINTER' },
      { field: 'operator', variable: 'LABEL_STATION_OPERATOR' },
      { field: 'tiktok.appKey', variable: 'TIKTOK_APP_KEY' },
      { field: 'shipium', variable: 'SHIPIUM_BASE_URL' },
      { field: 'ordersFile', variable: 'LABEL_STATION_ORDERS_FILE' },
    ];
    const { patch } = patchFromDraft({ ...draftFromSettings(settings), operator: 'Someone else', tiktokAppKey: 'changed' }, locked);
    // The default printer goes with the address the environment set: the station refuses only a change.
    expect(patch.printers).toEqual({ defaultId: 'label', list: [labelPrinter] });
    expect(patch).not.toHaveProperty('printer');
    expect(patch).not.toHaveProperty('operator');
    expect(patch).not.toHaveProperty('shipium');
    expect(patch).not.toHaveProperty('ordersFile');
    expect(patch.tiktok).toEqual({
      apiBaseUrl: settings.tiktok.apiBaseUrl,
      authBaseUrl: settings.tiktok.authBaseUrl,
      shopCipher: '',
      lateLabelWindowSeconds: 120,
    });
  });

  it("sends each provider's wait for a late label as whole seconds, and says which one is not", () => {
    const draft = { ...draftFromSettings(settings), aftershipLateSeconds: ' 600 ', tiktokLateSeconds: '90', shipiumLateSeconds: '45' };
    expect(draftFromSettings(settings)).toMatchObject({ aftershipLateSeconds: '120', tiktokLateSeconds: '120', shipiumLateSeconds: '300' });
    const { patch, errors } = patchFromDraft(draft, []);
    expect(errors).toEqual([]);
    expect(patch.aftership?.lateLabelWindowSeconds).toBe(600);
    expect(patch.tiktok?.lateLabelWindowSeconds).toBe(90);
    expect(patch.shipium).toEqual({ baseUrl: settings.shipium.baseUrl, lateLabelWindowSeconds: 45 });

    const typed = patchFromDraft({ ...draft, aftershipLateSeconds: 'two minutes', shipiumLateSeconds: '90.5' }, []);
    expect(typed.errors).toEqual([
      'Wait for a late label (AfterShip) must be a number.',
      'Wait for a late label (Shipium) must be a whole number of seconds.',
    ]);
  });

  it('leaves a wait for a late label set by the environment out of the patch', () => {
    const locked = [{ field: 'shipium.lateLabelWindowSeconds', variable: 'SHIPIUM_LATE_LABEL_WINDOW_SECONDS' }];
    const { patch } = patchFromDraft({ ...draftFromSettings(settings), shipiumLateSeconds: '600' }, locked);
    expect(patch.shipium).toEqual({ baseUrl: settings.shipium.baseUrl });
  });

  it("puts the station's refusal of a wait for a late label on its field, named with its provider", () => {
    const problems = fieldProblemsFrom({
      'aftership.lateLabelWindowSeconds': ['At least 30 seconds: a provider may still create a label that long after a lost answer'],
      'shipium.lateLabelWindowSeconds': ['At most one hour'],
    });
    expect(problems).toEqual([
      {
        field: 'aftership.lateLabelWindowSeconds',
        text: 'Wait for a late label (AfterShip): At least 30 seconds: a provider may still create a label that long after a lost answer',
      },
      { field: 'shipium.lateLabelWindowSeconds', text: 'Wait for a late label (Shipium): At most one hour' },
    ]);
  });

  it("sends each printer's language, label size, resolution and a picked OS queue as its address, trimmed", () => {
    const draft = draftFromSettings(settings);
    draft.printers[0] = {
      ...draft.printers[0]!,
      name: '  Packing 1  ',
      language: 'pdf',
      media: '100x150mm',
      dpi: dpiFromText('600'),
      address: ' windows:ZDesigner ZD421-203dpi ZPL ',
      statusCheck: false,
    };
    expect(patchFromDraft(draft, []).patch.printers?.list).toEqual([
      {
        id: 'label',
        name: 'Packing 1',
        address: 'windows:ZDesigner ZD421-203dpi ZPL',
        dpi: 600,
        language: 'pdf',
        media: '100x150mm',
        statusCheck: false,
      },
    ]);
    expect(dpiFromText('300')).toBe(300);
    expect(dpiFromText('150')).toBe(203);
  });

  it('adds printers with a unique name up to the limit; a new one gets an ID from its name, a saved one keeps its ID', () => {
    let draft = addPrinter(draftFromSettings(settings));
    expect(draft.printers).toHaveLength(2);
    const added = draft.printers[1]!;
    expect(added).toMatchObject({
      savedId: null,
      name: 'Printer 2',
      address: '',
      dpi: 203,
      language: 'zpl',
      media: '4x6',
      statusCheck: true,
    });
    draft = {
      ...draft,
      printers: [
        { ...draft.printers[0]!, name: 'Renamed label printer' },
        { ...added, name: 'Office A4', address: 'cups:Office', language: 'pdf' },
      ],
    };
    const setup = patchFromDraft(draft, []).patch.printers!;
    expect(setup.list.map((p) => p.id)).toEqual(['label', 'office-a4']);
    expect(setup.defaultId).toBe('label');
    expect(PrinterSetup.safeParse(setup).success).toBe(true);
    for (let i = 0; i < MAX_PRINTERS; i++) draft = addPrinter(draft);
    expect(draft.printers).toHaveLength(MAX_PRINTERS);
    expect(canAddPrinter(draft)).toBe(false);
    expect(new Set(draft.printers.map((p) => p.key)).size).toBe(MAX_PRINTERS);
    expect(new Set(draft.printers.map((p) => p.name.toLowerCase())).size).toBe(MAX_PRINTERS);
  });

  it('never gives a new printer the ID of another printer, saved, new or removed since the form opened', () => {
    const taken = new Set(['label', 'office-a4']);
    expect(printerIdFromName('Office A4', taken)).toBe('office-a4-2');
    expect(printerIdFromName('Étiquettes — quai 3!', taken)).toBe('etiquettes-quai-3');
    expect(printerIdFromName('★★★', taken)).toBe('printer');
    expect(printerIdFromName('★★★', new Set(['printer', 'printer-2']))).toBe('printer-3');
    expect(printerIdFromName('x'.repeat(80), taken)).toMatch(/^x{32}$/);
    let draft = addPrinter(addPrinter(draftFromSettings(settings)));
    draft = { ...draft, printers: draft.printers.map((p, i) => (i === 0 ? p : { ...p, name: 'Spare', address: 'tcp://10.0.0.9' })) };
    draft.printers[2]!.name = 'spare 2';
    // "office-a4" was saved before and removed in this form: a new "Office A4" does not take its ID.
    draft.printers[1]!.name = 'Office A4';
    const ids = patchFromDraft(draft, [], ['label', 'office-a4']).patch.printers!.list.map((p) => p.id);
    expect(ids).toEqual(['label', 'office-a4-2', 'spare-2']);
  });

  it('removes a printer but never the last; removing the default makes the first remaining one the default, and Undo puts it back', () => {
    const two: SettingsDraft = {
      ...draftFromSettings({ ...settings, printers: { defaultId: 'office-a4', list: [labelPrinter, officePrinter] } }),
    };
    const kept = removePrinter(two, 'label');
    expect(kept.newDefault).toBeUndefined();
    expect(kept.draft.printers.map((p) => p.key)).toEqual(['office-a4']);
    expect(removePrinter(kept.draft, 'office-a4').draft).toBe(kept.draft);

    const { draft, newDefault } = removePrinter(two, 'office-a4');
    expect(newDefault?.name).toBe('Label printer');
    expect(draft.defaultPrinterKey).toBe('label');
    expect(patchFromDraft(draft, []).patch.printers).toEqual({ defaultId: 'label', list: [labelPrinter] });
    const undone = restorePrinter(draft, two.printers[1]!, 1);
    expect(undone.printers.map((p) => p.key)).toEqual(['label', 'office-a4']);
  });

  it("locks only the saved default printer's fields, and the choice of default whenever the environment sets the printer", () => {
    const draft = draftFromSettings({ ...settings, printers: { defaultId: 'label', list: [labelPrinter, officePrinter] } });
    const locked = [
      { field: 'printer.address', variable: 'LABEL_STATION_PRINTER' },
      { field: 'printer.language', variable: 'LABEL_STATION_PRINTER_LANGUAGE' },
    ];
    const [label, office] = draft.printers;
    expect(printerFieldLockedBy(locked, label!, 'label', 'address')).toBe('LABEL_STATION_PRINTER');
    expect(printerFieldLockedBy(locked, label!, 'label', 'language')).toBe('LABEL_STATION_PRINTER_LANGUAGE');
    expect(printerFieldLockedBy(locked, label!, 'label', 'dpi')).toBeUndefined();
    expect(printerFieldLockedBy(locked, office!, 'label', 'address')).toBeUndefined();
    expect(printerFieldLockedBy([{ field: 'printer', variable: 'LABEL_STATION_PRINTER' }], label!, 'label', 'media')).toBe(
      'LABEL_STATION_PRINTER',
    );
    expect(defaultChoiceLockedBy(locked)).toBe('LABEL_STATION_PRINTER');
    expect(defaultChoiceLockedBy([{ field: 'printers.defaultId', variable: 'LABEL_STATION_PRINTER_DPI' }])).toBe(
      'LABEL_STATION_PRINTER_DPI',
    );
    expect(defaultChoiceLockedBy([{ field: 'operator', variable: 'LABEL_STATION_OPERATOR' }])).toBeUndefined();
  });

  it('test-prints a saved, unchanged printer by its ID and anything typed but not saved as a draft', () => {
    const draft = addPrinter(draftFromSettings({ ...settings, printers: { defaultId: 'label', list: [labelPrinter, officePrinter] } }));
    const [label, office, added] = draft.printers;
    expect(testPrintInput(office!, officePrinter)).toEqual({ printerId: 'office-a4' });
    expect(testPrintInput({ ...office!, name: 'Renamed' }, officePrinter)).toEqual({ printerId: 'office-a4' });
    expect(testPrintInput({ ...label!, dpi: 300 }, labelPrinter)).toEqual({
      draft: { address: 'tcp://10.0.0.5:9100', dpi: 300, language: 'zpl', media: '4x6', statusCheck: true },
    });
    expect(testPrintInput({ ...added!, address: ' tcp://10.0.0.7 ' }, undefined)).toEqual({
      draft: { address: 'tcp://10.0.0.7', dpi: 203, language: 'zpl', media: '4x6', statusCheck: true },
    });
  });

  it("puts the station's problems on the right printer's field and names the printer in the summary", () => {
    const draft = draftFromSettings({
      ...settings,
      printers: { defaultId: 'label', list: [labelPrinter, { ...officePrinter, name: 'Office' }] },
    });
    const problems = fieldProblemsFrom({
      'printers.list.1.name': ['Two printers are called "Office": give each its own name'],
      'printers.list.1.address': [
        'Printer address must look like tcp://192.168.1.50:9100, /dev/usb/lp0, cups:QUEUE or windows:PRINTER NAME',
      ],
      'printers.defaultId': ['Choose which printer is the default'],
    });
    expect(printerProblems(problems, 1, 'name')).toEqual(['Printer name: Two printers are called "Office": give each its own name']);
    expect(printerProblems(problems, 1, 'address')).toEqual([
      'Printer address must look like tcp://192.168.1.50:9100, /dev/usb/lp0, cups:QUEUE or windows:PRINTER NAME',
    ]);
    expect(printerProblems(problems, 0, 'name')).toEqual([]);
    expect(
      summarizeProblems(
        [
          { text: 'Operator name is too long' },
          ...problems,
          { field: 'printers.list.0.address', printerIndex: 0, text: 'Enter the printer address' },
        ],
        draft.printers,
      ),
    ).toEqual([
      'Printer 1 “Label printer”: Enter the printer address',
      'Printer 2 “Office”: Printer name: Two printers are called "Office": give each its own name; Printer address must look like tcp://192.168.1.50:9100, /dev/usb/lp0, cups:QUEUE or windows:PRINTER NAME',
      'Operator name is too long',
      'Default printer: Choose which printer is the default',
    ]);
    // The same message for two printers is shown on both; one field shows only its first problem.
    expect(
      fieldProblemsFrom({
        'printers.list.0.address': ['Enter the printer address'],
        'printers.list.1.address': ['Enter the printer address'],
      }),
    ).toHaveLength(2);
    expect(
      fieldProblemsFrom({
        'printers.list.1.address': ['Enter the printer address, e.g. cups:Zebra', 'Printer address must look like cups:QUEUE'],
      }),
    ).toEqual([{ field: 'printers.list.1.address', printerIndex: 1, text: 'Enter the printer address, e.g. cups:Zebra' }]);
    // A refusal because the environment sets the printer lands on the default printer's field.
    const refused = fieldProblemsOf(
      {
        code: 'locked_by_env',
        message: "This station's printer.address is set by LABEL_STATION_PRINTER and cannot be changed here.",
        nextStep: 'Ask…',
        fields: { 'printer.address': ['Set by LABEL_STATION_PRINTER'] },
      },
      { ...draft, defaultPrinterKey: 'office-a4' },
    );
    expect(refused).toEqual([
      {
        field: 'printers.list.1.address',
        printerIndex: 1,
        text: "This station's printer.address is set by LABEL_STATION_PRINTER and cannot be changed here.",
      },
    ]);
    expect(fieldProblemsOf({ code: 'printer_unreachable', message: 'x', nextStep: 'y' }, draft)).toEqual([]);
  });

  it('offers every printer language and label size the station knows, each once', () => {
    expect(LANGUAGE_CHOICES.map((c) => c.value).sort()).toEqual([...PrinterLanguage.options].sort());
    expect(MEDIA_CHOICES.map((c) => c.value).sort()).toEqual([...MediaSize.options].sort());
    expect(LANGUAGE_CHOICES.find((c) => c.value === 'tspl')?.text).toBe('TSPL (TSC and many 4x6 printers)');
  });

  it('finds the variable that sets a secret, including the older apiKey entry for AfterShip', () => {
    expect(secretLockedBy([{ field: 'secrets.shipiumApiKey', variable: 'SHIPIUM_API_KEY' }], 'shipiumApiKey')).toBe('SHIPIUM_API_KEY');
    expect(secretLockedBy([{ field: 'secrets.shipiumApiKey', variable: 'SHIPIUM_API_KEY' }], 'aftershipApiKey')).toBeUndefined();
    expect(secretLockedBy([{ field: 'apiKey', variable: 'AFTERSHIP_API_KEY' }], 'aftershipApiKey')).toBe('AFTERSHIP_API_KEY');
  });

  it('knows when TikTok fields were edited but not saved (authorization uses the saved ones)', () => {
    expect(tiktokDraftChanged(draftFromSettings(settings), settings)).toBe(false);
    expect(tiktokDraftChanged({ ...draftFromSettings(settings), tiktokAppKey: '6abc124' }, settings)).toBe(true);
  });

  it('reports numbers that are not numbers instead of sending NaN', () => {
    const { errors } = patchFromDraft({ ...draftFromSettings(settings), width: 'eight', latencyMs: '1.5' }, []);
    expect(errors).toEqual(['Width must be a number.', 'Sandbox delay must be a whole number of milliseconds.']);
    expect(patchFromDraft({ ...draftFromSettings(settings), weight: '2,5' }, []).patch.defaultParcel?.weight).toEqual({
      value: 2.5,
      unit: 'lb',
    });
  });

  it("turns the station's invalid_input field issues into one readable line per field", () => {
    const fields = {
      'aftership.baseUrl': ['Must be a web address starting with https://', 'Must be a web address starting with https://'],
      'defaultParcel.dimension.width': ['Width must be more than 0'],
      'tiktok.authBaseUrl': ['Must be a web address starting with https://'],
      'printer.media': ['Invalid option'],
      'sandbox.unknownKnob': ['Unrecognized key'],
      '': ['something odd'],
    };
    expect(fieldProblemsFrom(fields)).toEqual([
      { field: 'aftership.baseUrl', text: 'AfterShip address: Must be a web address starting with https://' },
      { field: 'defaultParcel.dimension.width', text: 'Width must be more than 0' },
      { field: 'tiktok.authBaseUrl', text: 'TikTok authorization address: Must be a web address starting with https://' },
      { field: 'printer.media', text: 'Label size: Invalid option' },
      { field: 'sandbox.unknownKnob', text: 'sandbox.unknownKnob: Unrecognized key' },
      { text: 'something odd' },
    ]);
  });

  it('places a refusal on fields only from the field issues the station sent, never from its words', () => {
    const draft = draftFromSettings(settings);
    const worded = {
      code: 'invalid_input' as const,
      message: 'printers.list.0.address: Enter the printer address',
      nextStep: 'Correct it.',
    };
    expect(fieldProblemsOf(worded, draft)).toEqual([]);
    expect(fieldProblemsOf({ ...worded, fields: { 'printers.list.0.address': ['Enter the printer address'] } }, draft)).toEqual([
      { field: 'printers.list.0.address', printerIndex: 0, text: 'Enter the printer address' },
    ]);
  });
});
