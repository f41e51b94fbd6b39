using System.Globalization;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Auditing;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Infrastructure;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Stewardship.Contacts;

/// <summary>
/// The "centralized database of contact information": every approved RIG with its school, region, contact email,
/// current officers (position, class year, email), faculty sponsors and when its leaders last confirmed it, as CSV
/// or XLSX. Admins only; each download is audited. Cells a spreadsheet could run as formulas are escaped (CSV) or
/// written as text (XLSX).
/// </summary>
[Authorize(Policy = Policies.Administer)]
[Route("admin/contacts")]
public sealed class ContactsController(AppDbContext db, AuditLog audit, PublicUrls urls, TimeProvider clock) : Controller
{
    public const string SheetName = "RIG contacts";

    [HttpGet("rig-contacts.csv")]
    public async Task<IActionResult> Csv(CancellationToken cancellationToken)
    {
        var rows = await LoadAsync(cancellationToken);
        await AuditedAsync("CSV", rows.Count, cancellationToken);
        return File(await CsvExport.WriteAsync(rows, cancellationToken), "text/csv; charset=utf-8", FileName("csv"));
    }

    [HttpGet("rig-contacts.xlsx")]
    public async Task<IActionResult> Xlsx(CancellationToken cancellationToken)
    {
        var rows = await LoadAsync(cancellationToken);
        await AuditedAsync("XLSX", rows.Count, cancellationToken);
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(SheetName);
        string[] headers = ["RIG", "School", "State or province", "Region", "Contact email", "Officers", "Faculty sponsors", "Last verified", "Profile"];
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = headers[c];
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            string?[] values = [row.Rig, row.School, row.StateOrProvince, row.Region, row.ContactEmail, row.Officers, row.FacultySponsors, row.LastVerified, row.Profile];
            for (var c = 0; c < values.Length; c++)
            {
                // Text, never a formula, whatever it starts with.
                sheet.Cell(r + 2, c + 1).SetValue(values[c] ?? "");
            }
        }

        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        sheet.RangeUsed()?.SetAutoFilter();
        // Fixed widths: measuring text would need System.Drawing's native fonts, which Linux servers lack.
        sheet.Columns().Width = 28;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName("xlsx"));
    }

    private string FileName(string extension) => $"rigdirectory-rig-contacts-{clock.GetUtcNow():yyyy-MM-dd}.{extension}";

    /// <summary>Who took the contact list, when, in which format and how many RIGs: personal data left the site.</summary>
    private async Task AuditedAsync(string format, int rigs, CancellationToken cancellationToken)
    {
        audit.Record("ContactExport", format, rigId: null, AuditAction.ContactsExported, note: $"{format}, {rigs} RIGs");
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<List<ContactRow>> LoadAsync(CancellationToken cancellationToken)
    {
        var rigs = await db.Rigs.AsNoTracking().Where(RigVisibility.IsPublic)
            .OrderBy(r => r.School!.Jurisdiction!.Region!.SortOrder).ThenBy(r => r.School!.Name).ThenBy(r => r.Name)
            .Select(r => new
            {
                r.Name,
                r.Slug,
                School = r.School!.Name,
                r.School.Campus,
                State = r.School.Jurisdiction!.Name,
                Region = r.School.Jurisdiction.Region!.Name,
                r.ContactEmail,
                r.LastVerifiedAt,
                Officers = r.Officers.Where(o => o.EndedAt == null).OrderBy(o => o.Id)
                    .Select(o => new { o.User!.DisplayName, o.Position, o.GraduationYear, o.User.Email }).ToList(),
                Sponsors = r.Sponsors.OrderBy(s => s.Id).Select(s => new { s.Name, s.Title, s.Email }).ToList(),
            })
            .ToListAsync(cancellationToken);
        return [.. rigs.Select(r => new ContactRow(
            r.Name,
            School.Label(r.School, r.Campus),
            r.State,
            r.Region,
            r.ContactEmail,
            string.Join("; ", r.Officers.Select(o => $"{o.DisplayName} ({o.Position}, class of {o.GraduationYear}) <{o.Email}>")),
            string.Join("; ", r.Sponsors.Select(s => $"{s.Name}{(string.IsNullOrEmpty(s.Title) ? "" : $", {s.Title}")} <{s.Email}>")),
            r.LastVerifiedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            urls.Absolute($"/rigs/{r.Slug}")))];
    }
}

/// <summary>One approved RIG's contacts, as a CSV row (headers are the property names) and an XLSX row; <paramref name="Profile"/> is its public address.</summary>
public sealed record ContactRow(string Rig, string School, string StateOrProvince, string Region, string? ContactEmail, string Officers, string FacultySponsors, string? LastVerified, string Profile);
