using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests.Attacks;

/// <summary>
/// Threat: a leader of an approved RIG names anyone (a famous radiologist, a stranger) as its sponsor and the
/// public profile shows it at once. Control: only sponsors who confirmed from their emailed link are shown.
/// </summary>
public sealed class UnconfirmedSponsorTests(RigDirectoryFactory factory) : IClassFixture<RigDirectoryFactory>
{
    [Fact]
    public async Task SponsorAddedToAnApprovedRig_IsNotOnTheProfileUntilTheyConfirm()
    {
        var leader = await factory.CreateUserAsync("unconfirmed.sponsor.leader@example.org", "unconfirmed sponsor password", emailConfirmed: true, Roles.RigLeader);
        var id = await factory.WithDbAsync(async db =>
        {
            var rig = await TestRigs.MakeAsync(db, "sponsor-claim-rig", "Sponsor Claim RIG", "rutgers-rwjms", RigStatus.Approved,
                r => r.Officers.Add(new RigOfficer { UserId = leader.Id, Position = "President", GraduationYear = 2028 }));
            db.Rigs.Add(rig);
            await db.SaveChangesAsync();
            return rig.Id;
        });
        await factory.EvictDirectoryAsync();
        using var client = factory.CreateClientAs(leader.Id, Roles.RigLeader);
        using var anonymous = factory.CreateNonRedirectingClient();

        using var added = await client.SubmitFormAsync($"/register/{id}/sponsors", "#sponsor-form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Dr. Never Asked",
            ["Input.Email"] = "never.asked@hospital.example.org",
        });
        var before = await anonymous.GetStringAsync("/rigs/sponsor-claim-rig");
        var link = new Uri(Web.Infrastructure.Email.PickupDirectoryEmailTransport.FirstLink((await factory.SentEmailsAsync()).LastTo("never.asked@hospital.example.org").HtmlBody!)!).PathAndQuery;
        await anonymous.ConfirmAsSponsorAsync(link);
        var after = await anonymous.GetStringAsync("/rigs/sponsor-claim-rig");

        Assert.Contains("Dr. Sponsor of Sponsor Claim RIG", before, StringComparison.Ordinal);
        Assert.DoesNotContain("Dr. Never Asked", before, StringComparison.Ordinal);
        Assert.Contains("Dr. Never Asked", after, StringComparison.Ordinal);
    }
}
