using RigDirectory.Web.Data.Seed;
using RigDirectory.Web.Domain;

namespace RigDirectory.UnitTests;

public sealed class SeedFilesTests
{
    private const string Header = "slug,name,campus,city,state_province,country,degree,latitude,longitude,website\n";

    [Fact]
    public void ReadSchools_ShippedFile_Has284ValidRows()
    {
        var schools = SeedFiles.ReadSchools();

        Assert.Equal(284, schools.Count);
        Assert.Equal(68, schools.Count(s => s.Degree == DegreeType.DO));
        Assert.Equal(34, schools.Count(s => s.Country == Country.CA));
    }

    [Theory]
    [InlineData("ucsf-som", "UCSF")]
    [InlineData("ucla-geffen-som", "UCLA")]
    [InlineData("uc-san-diego-som", "UCSD")]
    [InlineData("usc-keck-som", "USC")]
    [InlineData("nyu-grossman-som", "NYU")]
    [InlineData("penn-perelman-som", "UPenn")]
    [InlineData("unc-som", "UNC")]
    [InlineData("uva-som", "UVA")]
    [InlineData("uw-som", "UW")]
    [InlineData("ubc-fom-vancouver", "UBC")]
    [InlineData("utoronto-temerty-fom-toronto", "U of T")]
    [InlineData("mcgill-fmhs-montreal", "McGill")]
    public void ReadSchoolSynonyms_ShippedFile_KnowsTheWellKnownAbbreviations(string slug, string synonym)
    {
        var synonyms = SeedFiles.ReadSchoolSynonyms();

        Assert.Contains(synonym, School.SplitSynonyms(synonyms[slug]));
    }

    [Fact]
    public void ReadSchools_QuotedNameWithComma_IsOneField()
    {
        var rows = SeedFiles.ReadSchools(new StringReader(Header + "some-school,\"School of Medicine, North\",,Springfield,IL,US,MD,39.8,-89.6,\n"));

        Assert.Equal("School of Medicine, North", Assert.Single(rows).Name);
    }

    [Theory]
    [InlineData("Bad Slug,Name,,City,IL,US,MD,39.8,-89.6,", "slug 'Bad Slug'")]
    [InlineData("far-away,Name,,City,IL,US,MD,10.0,-89.6,", "outside the US and Canada")]
    [InlineData("no-city,Name,,,IL,US,MD,39.8,-89.6,", "name and city are required")]
    public void ReadSchools_BadRow_FailsWithItsLine(string row, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => SeedFiles.ReadSchools(new StringReader(Header + row + "\n")));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadSchools_DuplicateSlug_Fails()
    {
        var row = "same-slug,Name,,City,IL,US,MD,39.8,-89.6,\n";

        var error = Assert.Throws<InvalidDataException>(() => SeedFiles.ReadSchools(new StringReader(Header + row + row)));

        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Regions_CoverEveryJurisdictionOfTheMap()
    {
        var regions = SeedFiles.ReadRegions().Select(r => r.Slug).ToHashSet();
        var jurisdictions = SeedFiles.ReadJurisdictions();

        Assert.Equal(11, regions.Count);
        Assert.Equal(65, jurisdictions.Count);
        Assert.All(jurisdictions, j => Assert.Contains(j.RegionSlug, regions));
        Assert.All(SeedFiles.ReadSchools(), s => Assert.Contains(jurisdictions, j => j.Code == Jurisdiction.CodeFor(s.Country, s.StateProvince)));
    }
}
