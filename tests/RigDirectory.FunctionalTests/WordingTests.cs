using Microsoft.EntityFrameworkCore;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

/// <summary>Small things a reader notices: lists punctuated as prose, regions not wrapped in double brackets, headings in order.</summary>
public sealed class WordingTests(RigDirectoryFactory factory) : IClassFixture<RigDirectoryFactory>
{
    [Fact]
    public async Task AMentorsRigs_ReadAsAList_WithNoSpaceBeforeTheComma()
    {
        var mentorUser = await factory.CreateUserAsync("listed.mentor@example.org", "wording test password", emailConfirmed: true, Roles.Mentor);
        var mentorId = await TestMentors.AddAsync(factory, mentorUser);
        var (first, _, _, _) = await TestHosts.ApprovedRigAsync(factory, await factory.WithDbAsync(TestRigs.FreeSchoolAsync), "Alpha Imaging Club");
        var (second, _, _, _) = await TestHosts.ApprovedRigAsync(factory, await factory.WithDbAsync(TestRigs.FreeSchoolAsync), "Beta Radiology Society");
        await factory.WithDbAsync(async db =>
        {
            db.RigMentors.AddRange(new RigMentor { RigId = first, MentorId = mentorId, LinkedAt = factory.Clock.GetUtcNow().UtcDateTime }, new RigMentor { RigId = second, MentorId = mentorId, LinkedAt = factory.Clock.GetUtcNow().UtcDateTime });
            return await db.SaveChangesAsync();
        });
        var student = await factory.CreateUserAsync("reading.student@example.org", "wording test password", emailConfirmed: true, Roles.Student);
        using var client = factory.CreateClientAs(student.Id, Roles.Student);

        var page = await client.GetDocumentAsync($"/mentors/{mentorId}");

        Assert.Equal("Alpha Imaging Club, Beta Radiology Society", page.QuerySelector("#mentor-rigs")!.TextContent);
    }

    [Fact]
    public async Task AnAcrEventsCard_NamesItsRegionOnce_AndTheListHasAHeadingBetweenThePageAndItsCards()
    {
        var regionId = await factory.WithDbAsync(db => db.Regions.Where(r => r.Slug == "us-region-1").Select(r => r.Id).SingleAsync());
        await factory.WithDbAsync(async db =>
        {
            var e = TestEvents.Make("Western virtual conference", factory.Clock.GetUtcNow().UtcDateTime.AddDays(12), EventFormat.Virtual, location: null);
            e.RegionId = regionId;
            db.Events.Add(e);
            return await db.SaveChangesAsync();
        });
        using var anonymous = factory.CreateNonRedirectingClient();

        var page = await anonymous.GetDocumentAsync("/events");

        var card = page.QuerySelectorAll("#events article").Single(a => a.TextContent.Contains("Western virtual conference", StringComparison.Ordinal));
        Assert.Contains("for students in Region 1 (West)", card.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("(Region 1 (West))", card.TextContent, StringComparison.Ordinal);
        var headings = page.QuerySelectorAll("main h1, main h2, main h3").Select(h => h.TagName).ToList();
        Assert.Equal("H2", headings[headings.IndexOf("H3") - 1]);
    }
}
