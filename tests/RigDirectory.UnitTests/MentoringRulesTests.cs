using RigDirectory.Web.Data.Seed;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Mentoring;

namespace RigDirectory.UnitTests;

public sealed class MentoringRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(42.3355, -71.1040, 40.7128, -74.0060, 185, 190)]   // Boston to New York
    [InlineData(47.6062, -122.3321, 21.3069, -157.8583, 2670, 2690)] // Seattle to Honolulu
    [InlineData(49.2827, -123.1207, 47.6062, -122.3321, 117, 122)]  // Vancouver to Seattle, across the border
    public void DistanceMiles_MatchesKnownDistances(double lat1, double lon1, double lat2, double lon2, double atLeast, double atMost) =>
        Assert.InRange(MentoringRules.DistanceMiles(lat1, lon1, lat2, lon2), atLeast, atMost);

    [Fact]
    public void DistanceMiles_FromAPlaceToItself_IsZero() => Assert.Equal(0, MentoringRules.DistanceMiles(45, -75, 45, -75), 6);

    [Theory]
    [InlineData(42.3355, -71.1040, 100)]
    [InlineData(64.8378, -147.7164, 250)] // Fairbanks: longitude degrees are short this far north
    [InlineData(25.7617, -80.1918, 25)]
    public void Box_HoldsEveryPointWithinTheRadius(double latitude, double longitude, double miles)
    {
        var (minLatitude, maxLatitude, minLongitude, maxLongitude) = MentoringRules.Box(latitude, longitude, miles);

        for (var bearing = 0; bearing < 360; bearing += 15)
        {
            // A point just inside the radius in every direction.
            var angle = bearing * Math.PI / 180;
            var (lat, lon) = (latitude + (miles * 0.99 / 69.0 * Math.Cos(angle)), longitude + (miles * 0.99 / (69.0 * Math.Cos(latitude * Math.PI / 180)) * Math.Sin(angle)));
            if (MentoringRules.DistanceMiles(latitude, longitude, lat, lon) <= miles)
            {
                Assert.InRange(lat, minLatitude, maxLatitude);
                Assert.InRange(lon, minLongitude, maxLongitude);
            }
        }
    }

    [Theory]
    [InlineData(new double[] { }, null)]
    [InlineData(new double[] { 3 }, 3.0)]
    [InlineData(new double[] { 5, 1, 3 }, 3.0)]
    [InlineData(new double[] { 4, 1, 2, 3 }, 2.5)]
    public void Median_OfAnswerTimes(double[] values, double? expected) => Assert.Equal(expected, MentorAdminQueries.Median(values));

    [Fact]
    public void Offers_ReadAsAList() =>
        Assert.Equal("Career advice, Mock interviews", (MentorOffers.CareerAdvice | MentorOffers.MockInterviews).DisplayName());

    [Theory]
    [InlineData(MentorStatus.Active, true, true)]
    [InlineData(MentorStatus.Paused, false, true)]
    [InlineData(MentorStatus.Submitted, false, false)]
    [InlineData(MentorStatus.Withdrawn, false, false)]
    [InlineData(MentorStatus.Deactivated, false, false)]
    public void OnlyActiveMentorsAreFound_PausedOnesStillMentor(MentorStatus status, bool findable, bool approved)
    {
        Assert.Equal(findable, MentoringRules.Findable(status));
        Assert.Equal(approved, MentoringRules.Approved(status));
    }

    [Fact]
    public void DemoMentoring_HasAbout150Mentors_SomeFullSomePaused_RequestsInEveryState_AndConsistentCounts()
    {
        var schools = SeedFiles.ReadSchools().Select((row, i) => new School { Id = i + 1, Slug = row.Slug, Name = row.Name, City = row.City, JurisdictionCode = $"US-{row.StateProvince}", Latitude = row.Latitude, Longitude = row.Longitude }).ToList();
        var subspecialties = SeedFiles.ReadSubspecialties().Select((row, i) => new Subspecialty { Id = i + 1, Slug = row.Slug, Name = row.Name }).ToList();

        var data = DemoMentorsGenerator.Generate(schools, subspecialties, [], Now);
        var again = DemoMentorsGenerator.Generate(schools, subspecialties, [], Now);

        Assert.Equal(150, data.Profiles.Count);
        Assert.Equal(data.Profiles.Select(p => p.UserId), again.Profiles.Select(p => p.UserId));
        Assert.All(Enum.GetValues<MentorStatus>(), s => Assert.Contains(data.Profiles, p => p.Status == s));
        Assert.All(Enum.GetValues<MentorshipStatus>(), s => Assert.Contains(data.Mentorships, m => m.Status == s));
        Assert.Contains(data.Profiles, p => p.Status == MentorStatus.Active && !p.HasRoom);
        Assert.All(data.Profiles, p =>
        {
            Assert.Equal(data.Mentorships.Count(m => m.Mentor == p && m.Status == MentorshipStatus.Accepted), p.ActiveMentees);
            Assert.InRange(p.ActiveMentees, 0, p.Capacity);
            Assert.NotEmpty(p.Subspecialties);
            Assert.DoesNotContain("{", p.Bio, StringComparison.Ordinal);
        });
        Assert.All(data.Mentorships.GroupBy(m => m.StudentUserId), g => Assert.InRange(g.Count(m => m.Status == MentorshipStatus.Requested), 0, MentoringRules.MaxOpenRequests));
        Assert.All(data.Mentorships.Where(m => m.Status == MentorshipStatus.Requested), m => Assert.True(m.ExpiresAt > Now));
        Assert.All(data.Users, u => Assert.True(u.IsDemo));
    }

    [Fact]
    public void BenchmarkMentors_AreActive_AtRealSchools_AQuarterFull_WithDistinctSubspecialties()
    {
        var schools = SeedFiles.ReadSchools().Select((row, i) => new School { Id = i + 1, Slug = row.Slug, Name = row.Name, City = row.City, JurisdictionCode = $"US-{row.StateProvince}", Latitude = row.Latitude, Longitude = row.Longitude }).ToList();
        var subspecialties = SeedFiles.ReadSubspecialties().Select((row, i) => new Subspecialty { Id = i + 1, Slug = row.Slug, Name = row.Name }).ToList();

        var (users, mentors) = BenchmarkDataGenerator.GenerateMentors(schools, subspecialties, Now, 1_000);

        Assert.Equal(1_000, users.Select(u => u.Id).Distinct().Count());
        Assert.All(mentors, m => Assert.Equal(MentorStatus.Active, m.Status));
        Assert.All(mentors, m => Assert.Equal(m.Subspecialties.Count, m.Subspecialties.Distinct().Count()));
        Assert.Equal(250, mentors.Count(m => !m.HasRoom));
    }
}
