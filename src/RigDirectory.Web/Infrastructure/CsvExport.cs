using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace RigDirectory.Web.Infrastructure;

/// <summary>The one way the app writes CSV: every file a spreadsheet may open goes through here.</summary>
public static class CsvExport
{
    /// <summary>
    /// Cells starting with = + - @, a tab or a carriage return are escaped with a leading apostrophe, so a value a
    /// leader typed is never run as a spreadsheet formula by whoever opens the export.
    /// </summary>
    public static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
        InjectionCharacters = ['=', '+', '-', '@', '\t', '\r'],
    };

    public static async Task<byte[]> WriteAsync<T>(IEnumerable<T> records, CancellationToken cancellationToken)
    {
        await using var writer = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = new CsvWriter(writer, Configuration))
        {
            await csv.WriteRecordsAsync(records, cancellationToken);
        }

        return System.Text.Encoding.UTF8.GetBytes(writer.ToString());
    }
}
