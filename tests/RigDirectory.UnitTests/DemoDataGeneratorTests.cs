using RigDirectory.Web.Data.Seed;
using RigDirectory.Web.Domain;

namespace RigDirectory.UnitTests;

public sealed class DemoDataGeneratorTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    private static List<School> Schools() => SeedFiles.ReadSchools()
        .Select((row, i) => new School { Id = i + 1, Slug = row.Slug, Name = row.Name, Campus = row.Campus, City = row.City, JurisdictionCode = "" })
        .ToList();

    [Fact]
    public void Generate_SameInput_GivesTheSameData()
    {
        var first = DemoDataGenerator.Generate(Schools(), Now);
        var second = DemoDataGenerator.Generate(Schools(), Now);

        Assert.Equal(first.Rigs.Select(r => (r.Slug, r.Name, r.Status)), second.Rigs.Select(r => (r.Slug, r.Name, r.Status)));
        Assert.Equal(first.Users.Select(u => u.Id), second.Users.Select(u => u.Id));
    }

    [Fact]
    public void Generate_DescribesRigsAndTheirEventsInPlainWords_NoPlaceholderText()
    {
        var data = DemoDataGenerator.Generate(Schools(), Now);

        Assert.All(data.Rigs, r =>
        {
            Assert.DoesNotContain("ipsum", r.Description, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("{", r.Description, StringComparison.Ordinal);
            Assert.Contains(" We run ", r.Description, StringComparison.Ordinal);
            Assert.InRange(r.Events.Count, 1, 3);
        });
        Assert.True(data.Rigs.Select(r => r.Description).Distinct().Count() > data.Rigs.Count / 2, "demo descriptions should vary");
    }

    [Fact]
    public void Generate_MarksEverythingAsDemo_WithAtLeastOneSponsorAndOfficer()
    {
        var data = DemoDataGenerator.Generate(Schools(), Now);

        Assert.All(data.Rigs, r =>
        {
            Assert.True(r.IsDemo);
            Assert.NotEmpty(r.Sponsors);
            Assert.NotEmpty(r.Officers);
            Assert.True(SlugRules.IsValid(r.Slug));
        });
        Assert.All(data.Users, u => Assert.True(u.IsDemo));
        Assert.Equal(data.Rigs.Count, data.Rigs.Select(r => r.Slug).Distinct().Count());
    }

    [Fact]
    public void Generate_GivesApprovedRigsSomeInterestedStudents_WhoAreDemoUsersToo()
    {
        var data = DemoDataGenerator.Generate(Schools(), Now);

        var interests = data.Rigs.SelectMany(r => r.Interests.Select(i => (r.Status, Interest: i))).ToList();
        Assert.NotEmpty(interests);
        Assert.All(interests, x =>
        {
            Assert.Equal(RigStatus.Approved, x.Status);
            Assert.Contains(x.Interest.User!, data.Users);
            Assert.InRange(x.Interest.GraduationYear, Now.Year + 1, Now.Year + 4);
        });
        Assert.Equal(interests.Count, interests.Select(x => x.Interest.SharedEmail).Distinct().Count());
    }

    [Fact]
    public void Generate_LeavesGapsForTheMap()
    {
        var schools = Schools();

        var data = DemoDataGenerator.Generate(schools, Now);

        var approved = data.Rigs.Count(r => r.Status == RigStatus.Approved);
        Assert.InRange(approved / (double)schools.Count, 0.55, 0.75);
        Assert.Contains(data.Rigs, r => r.Status == RigStatus.Submitted);
        Assert.Contains(data.Rigs, r => r.Status == RigStatus.ChangesRequested);
        Assert.All(data.Rigs.Where(r => r.Status != RigStatus.Approved), r => Assert.Null(r.ApprovedAt));
    }
}
