/**
 * The PowerShell program that hands a payload to the Windows spooler as a RAW job: OpenPrinter,
 * StartDocPrinter with pDatatype "RAW", WritePrinter, EndDocPrinter (winspool.drv, through an
 * Add-Type C# class). The printer name and payload file come in environment variables, never inside
 * the script text, so no printer name can change what the script does.
 *
 * It prints one line on stdout: "JOB <id> <bytes>" on success, or "FAIL <step> <win32 error>".
 */

export const PRINTER_ENV = 'LABEL_STATION_PRINTER_NAME';
export const PAYLOAD_ENV = 'LABEL_STATION_PAYLOAD_FILE';
export const DOCUMENT_ENV = 'LABEL_STATION_DOCUMENT_NAME';

const RAW_PRINTER_CSHARP = String.raw`
using System;
using System.Runtime.InteropServices;
public static class LabelStationRawPrinter {
  [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
  public class DOCINFO {
    [MarshalAs(UnmanagedType.LPWStr)] public string pDocName;
    [MarshalAs(UnmanagedType.LPWStr)] public string pOutputFile;
    [MarshalAs(UnmanagedType.LPWStr)] public string pDatatype;
  }
  [DllImport("winspool.drv", EntryPoint = "OpenPrinterW", SetLastError = true, CharSet = CharSet.Unicode)]
  static extern bool OpenPrinter(string name, out IntPtr handle, IntPtr defaults);
  [DllImport("winspool.drv", SetLastError = true)]
  static extern bool ClosePrinter(IntPtr handle);
  [DllImport("winspool.drv", EntryPoint = "StartDocPrinterW", SetLastError = true, CharSet = CharSet.Unicode)]
  static extern int StartDocPrinter(IntPtr handle, int level, [In, MarshalAs(UnmanagedType.LPStruct)] DOCINFO doc);
  [DllImport("winspool.drv", SetLastError = true)]
  static extern bool EndDocPrinter(IntPtr handle);
  [DllImport("winspool.drv", SetLastError = true)]
  static extern bool StartPagePrinter(IntPtr handle);
  [DllImport("winspool.drv", SetLastError = true)]
  static extern bool EndPagePrinter(IntPtr handle);
  [DllImport("winspool.drv", SetLastError = true)]
  static extern bool WritePrinter(IntPtr handle, byte[] bytes, int count, out int written);

  public static string Send(string printer, string docName, byte[] bytes) {
    IntPtr h;
    if (!OpenPrinter(printer, out h, IntPtr.Zero)) return "FAIL open " + Marshal.GetLastWin32Error();
    try {
      DOCINFO doc = new DOCINFO();
      doc.pDocName = docName;
      doc.pDatatype = "RAW";
      int job = StartDocPrinter(h, 1, doc);
      if (job <= 0) return "FAIL startdoc " + Marshal.GetLastWin32Error();
      int total = 0;
      try {
        if (!StartPagePrinter(h)) return "FAIL startpage " + Marshal.GetLastWin32Error();
        while (total < bytes.Length) {
          int written;
          byte[] rest = bytes;
          if (total > 0) { rest = new byte[bytes.Length - total]; Array.Copy(bytes, total, rest, 0, rest.Length); }
          if (!WritePrinter(h, rest, rest.Length, out written)) return "FAIL write " + Marshal.GetLastWin32Error() + " " + total;
          if (written <= 0) return "FAIL write 0 " + total;
          total += written;
        }
        EndPagePrinter(h);
      } finally {
        EndDocPrinter(h);
      }
      return "JOB " + job + " " + total;
    } finally {
      ClosePrinter(h);
    }
  }
}
`;

/** The PowerShell script text (for tests and for reading); run it with `encodePowerShell`. */
export function windowsRawPrintScript(): string {
  return [
    "$ErrorActionPreference = 'Stop'",
    `Add-Type -TypeDefinition @'\n${RAW_PRINTER_CSHARP.trim()}\n'@`,
    `$bytes = [System.IO.File]::ReadAllBytes($env:${PAYLOAD_ENV})`,
    `$result = [LabelStationRawPrinter]::Send($env:${PRINTER_ENV}, $env:${DOCUMENT_ENV}, $bytes)`,
    'Write-Output $result',
  ].join('\n');
}

/** -EncodedCommand takes the script as base64 of UTF-16LE: no quoting rules to get wrong. */
export function encodePowerShell(script: string): string {
  return Buffer.from(script, 'utf16le').toString('base64');
}

export function powerShellArgs(script: string): string[] {
  return ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', encodePowerShell(script)];
}
