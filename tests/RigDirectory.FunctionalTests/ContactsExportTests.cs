using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

/// <summary>ACR's contact list of every approved RIG, as CSV and XLSX: admins only, each download audited.</summary>
public sealed class ContactsExportTests : IAsyncLifetime, IDisposable
{
    private const string Formula = "=HYPERLINK(\"http://evil.example\",\"Click\")";
    private readonly RigDirectoryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    public Task DisposeAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        var (harvard, _, _, _) = await TestHosts.ApprovedRigAsync(_factory, "harvard-medical-school", "Harvard Radiology Society");
        var gone = await _factory.CreateUserAsync("graduated@example.org", "graduated officer password", emailConfirmed: true, Roles.Student);
        await _factory.WithDbAsync(async db =>
        {
            db.RigOfficers.Add(new RigOfficer { RigId = harvard, UserId = gone.Id, Position = "Past president", GraduationYear = 2024, EndedAt = new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc) });
            await db.Rigs.Where(r => r.Id == harvard).ExecuteUpdateAsync(r => r
                .SetProperty(x => x.ContactEmail, "harvard.rig@example.org")
                .SetProperty(x => x.LastVerifiedAt, new DateTime(2026, 9, 14, 0, 0, 0, DateTimeKind.Utc)));
            // A name a spreadsheet would run as a formula.
            db.Rigs.Add(await TestRigs.MakeAsync(db, "formula-rig", Formula, "tufts-som", RigStatus.Approved));
            db.Rigs.Add(await TestRigs.MakeAsync(db, "waiting-rig", "Waiting RIG", "bu-chobanian-avedisian-som", RigStatus.Submitted));
            await db.SaveChangesAsync();
        });
    }

    private HttpClient Admin() => _factory.CreateClientAs("contacts-admin", Roles.AcrAdmin);

    [Fact]
    public async Task TheCsv_ListsEveryApprovedRigsContacts_EscapesFormulas_AndIsAudited()
    {
        using var admin = Admin();

        using var response = await admin.GetAsync("/admin/contacts/rig-contacts.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        var lines = csv.TrimEnd().Split("\r\n");
        Assert.Equal("Rig,School,StateOrProvince,Region,ContactEmail,Officers,FacultySponsors,LastVerified,Profile", lines[0]);
        Assert.Equal(3, lines.Length);
        var harvard = Assert.Single(lines, l => l.StartsWith("Harvard Radiology Society,", StringComparison.Ordinal));
        Assert.Contains("harvard.rig@example.org", harvard, StringComparison.Ordinal);
        Assert.Contains("(President, class of 2028) <leader.harvard-medical-school@example.org>", harvard, StringComparison.Ordinal);
        Assert.Contains("Dr. Sponsor of Harvard Radiology Society, Professor of Radiology <sponsor.harvard-medical-school-rig@hospital.example>", harvard, StringComparison.Ordinal);
        Assert.Contains(",2026-09-14,https://localhost/rigs/harvard-medical-school-rig", harvard, StringComparison.Ordinal);
        Assert.DoesNotContain("graduated@example.org", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Waiting RIG", csv, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(", csv, StringComparison.Ordinal);
        var entry = await _factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.ContactsExported));
        Assert.Equal(("contacts-admin", "CSV, 2 RIGs"), (entry.UserId, entry.Note));
    }

    [Fact]
    public async Task TheXlsx_HoldsTheSameRows_AsTextNeverAsFormulas_AndIsAudited()
    {
        using var admin = Admin();

        using var response = await admin.GetAsync("/admin/contacts/rig-contacts.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet("RIG contacts");
        Assert.Equal("RIG", sheet.Cell(1, 1).GetString());
        Assert.Equal("Profile", sheet.Cell(1, 9).GetString());
        var rows = sheet.RowsUsed().Skip(1).ToList();
        Assert.Equal(2, rows.Count);
        var formula = Assert.Single(rows, r => r.Cell(1).GetString() == Formula).Cell(1);
        Assert.False(formula.HasFormula);
        var harvard = Assert.Single(rows, r => r.Cell(1).GetString() == "Harvard Radiology Society");
        Assert.Equal("2026-09-14", harvard.Cell(8).GetString());
        Assert.Equal("XLSX, 2 RIGs", (await _factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.ContactsExported))).Note);
    }

    [Theory]
    [InlineData("/admin/contacts/rig-contacts.csv")]
    [InlineData("/admin/contacts/rig-contacts.xlsx")]
    public async Task ARefusedDownload_LeavesNoTrace(string url)
    {
        // Who may download is PublicAccessTests' business; here, a refusal records no export.
        using var leader = _factory.CreateClientAs("contacts-leader", Roles.RigLeader, Roles.Student);

        using var refused = await leader.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("AccessDenied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.False(await _factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.ContactsExported)));
    }
}
