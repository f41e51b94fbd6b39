using System.Net;
using Microsoft.EntityFrameworkCore;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

/// <summary>Co-leaders adding to one RIG at the same moment all succeed: no 500, no conflict, nothing lost.</summary>
public sealed class ConcurrentWritesTests(FileDatabaseFactory factory) : IClassFixture<FileDatabaseFactory>
{
    [Fact]
    public async Task CoLeadersAddingSponsorsAtOnce_AllSucceed()
    {
        var leaders = new List<ApplicationUser>();
        for (var i = 0; i < 2; i++)
        {
            leaders.Add(await factory.CreateUserAsync($"co.leader.{i}@example.org", "co leader password", emailConfirmed: true, Roles.RigLeader));
        }

        var id = await factory.WithDbAsync(async db =>
        {
            var rig = await TestRigs.MakeAsync(db, "busy-rig", "Busy RIG", "rush-medical-college", RigStatus.Approved, r =>
                r.Officers.AddRange(leaders.Select(l => new RigOfficer { UserId = l.Id, Position = "Co-President", GraduationYear = 2028 })));
            db.Rigs.Add(rig);
            await db.SaveChangesAsync();
            return rig.Id;
        });
        var clients = leaders.Select(l => factory.CreateClientAs(l.Id, Roles.RigLeader)).ToList();
        var forms = new List<(HttpClient Client, AngleSharp.Dom.IDocument Page, int N)>();
        for (var n = 0; n < 8; n++)
        {
            var client = clients[n % clients.Count];
            forms.Add((client, await client.GetDocumentAsync($"/register/{id}/sponsors"), n));
        }

        var responses = await Task.WhenAll(forms.Select(f => f.Client.SubmitFormAsync(f.Page, "#sponsor-form",
            new Dictionary<string, string> { ["Input.Name"] = $"Dr. Concurrent {f.N}", ["Input.Email"] = $"concurrent.{f.N}@hospital.example" })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.All(responses, r => Assert.EndsWith($"/register/{id}/sponsors", r.Headers.Location!.OriginalString, StringComparison.Ordinal));
        Assert.Equal(9, await factory.WithDbAsync(db => db.FacultySponsors.CountAsync(s => s.RigId == id)));
        Assert.Equal(8, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.RigId == id && a.Action == AuditAction.SponsorAdded)));
        foreach (var item in responses.Concat<IDisposable>(clients))
        {
            item.Dispose();
        }
    }
}
