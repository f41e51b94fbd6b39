using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;

namespace RigDirectory.UnitTests;

public sealed class TextSearchTests
{
    private readonly SearchVocabulary _vocabulary = new();

    [Theory]
    [InlineData("University of California, San Diego", "university of california san diego")]
    [InlineData("Université de Montréal — Faculté", "universite de montreal faculte")]
    [InlineData("Queen's University", "queens university")]
    [InlineData("Homer Stryker M.D. School", "homer stryker md school")]
    [InlineData("Texas A&M (Houston)", "texas a m houston")]
    [InlineData("  ", "")]
    public void Phrase_FoldsCaseAccentsAndPunctuation(string text, string expected) =>
        Assert.Equal(expected, TextSearch.Phrase(text));

    [Theory]
    [InlineData("diego", "diego", true)]
    [InlineData("montreal", "montrael", true)]
    [InlineData("california", "califronia", true)]
    [InlineData("california", "californa", true)]
    [InlineData("diego", "diegoo", true)]
    [InlineData("diego", "dxego", true)]
    [InlineData("diego", "dxegx", false)]
    [InlineData("diego", "dieg", true)]
    [InlineData("diego", "die", false)]
    public void WithinOneEdit_CountsOneInsertionDeletionSubstitutionOrSwap(string a, string b, bool expected)
    {
        Assert.Equal(expected, TextSearch.WithinOneEdit(a, b));
        Assert.Equal(expected, TextSearch.WithinOneEdit(b, a));
    }

    [Theory]
    [InlineData("san", "san", SearchMatch.Prefix)]
    [InlineData("calif", "california", SearchMatch.Prefix)]
    [InlineData("califr", "california", SearchMatch.Typo)]
    [InlineData("montrael", "montreal", SearchMatch.Typo)]
    [InlineData("toronot", "toronto", SearchMatch.Typo)]
    [InlineData("seatle", "seattle", SearchMatch.Typo)]
    [InlineData("dego", "diego", SearchMatch.None)]
    [InlineData("chicagoo", "chicago", SearchMatch.Typo)]
    [InlineData("boston", "houston", SearchMatch.None)]
    [InlineData("diego", "san", SearchMatch.None)]
    public void MatchWord_PrefixOrOneTypoInWordsOfFiveLettersOrMore(string searched, string word, SearchMatch expected) =>
        Assert.Equal(expected, TextSearch.MatchWord(searched, word));

    [Theory]
    [InlineData("University of California San Diego School of Medicine", SearchMatch.Exact)]
    [InlineData("UCSD", SearchMatch.Exact)]
    [InlineData("ucsd", SearchMatch.Exact)]
    [InlineData("UC San Diego", SearchMatch.Exact)]
    [InlineData("University of California San Diego", SearchMatch.Prefix)]
    [InlineData("diego california", SearchMatch.Prefix)]
    [InlineData("San Deigo", SearchMatch.Typo)]
    [InlineData("San Francisco", SearchMatch.None)]
    [InlineData("UC Davis", SearchMatch.None)]
    public void Match_EveryWordInAnyOrder_ExactNamesAndAbbreviationsFirst(string query, SearchMatch expected)
    {
        var school = SearchDocument.Of(
            _vocabulary,
            ["University of California, San Diego School of Medicine", "La Jolla", "California", "UCSD", "UC San Diego"],
            ["University of California, San Diego School of Medicine", "UCSD", "UC San Diego"]);

        Assert.Equal(expected, SearchQuery.Parse(query)!.For(_vocabulary).Match(school));
    }

    [Fact]
    public void Matches_AWordThatIsRight_FindsWhatItNames_NotItsMisspeltNeighbours()
    {
        var montreal = SearchDocument.Of(_vocabulary, ["Montréal"], []);
        var montreat = SearchDocument.Of(_vocabulary, ["Montreat"], []);

        var right = SearchQuery.Parse("montreal")!.For(_vocabulary);
        var misspelt = SearchQuery.Parse("montreel")!.For(_vocabulary);

        Assert.Equal(SearchMatch.Prefix, right.Match(montreal));
        Assert.Equal(SearchMatch.None, right.Match(montreat));
        Assert.Equal(SearchMatch.Typo, misspelt.Match(montreal));
        Assert.Equal(SearchMatch.None, misspelt.Match(montreat));
    }

    [Fact]
    public void Parse_NoWords_IsNoQuery() => Assert.Null(SearchQuery.Parse(" — , "));

    [Fact]
    public void Match_WordAddedAfterTheQueryWasPrepared_DoesNotMatchNorFail()
    {
        var matcher = SearchQuery.Parse("laval")!.For(_vocabulary);

        var added = SearchDocument.Of(_vocabulary, ["Université Laval"], []);

        Assert.Equal(SearchMatch.None, matcher.Match(added));
        Assert.Equal(SearchMatch.Prefix, SearchQuery.Parse("laval")!.For(_vocabulary).Match(added));
    }

    [Theory]
    [InlineData("Montreal", "umontreal")]
    [InlineData("montréal", "umontreal")]
    [InlineData("MONTREAL udem", "umontreal")]
    [InlineData("UCSF", "ucsf")]
    [InlineData("UC San Francisco", "ucsf")]
    [InlineData("University of California San Francisco", "ucsf")]
    [InlineData("U of T", "utoronto")]
    [InlineData("Toronot", "utoronto")]
    public void RigList_ForgivingSearch_FindsTheRig(string query, string expected)
    {
        var (total, items) = RigSearchQuery.Apply(Directory(), new RigSearchInput { Query = query });

        Assert.True(total >= 1, $"'{query}' found nothing");
        Assert.Equal(expected, items[0].Slug);
    }

    [Fact]
    public void RigList_ExactNameRanksFirst_ThenWordMatches_ThenTypos_EachInTheChosenOrder()
    {
        var directory = Directory();

        var (total, items) = RigSearchQuery.Apply(directory, new RigSearchInput { Query = "University of California San Francisco School of Medicine" });
        Assert.Equal(1, total);
        Assert.Equal("ucsf", items[0].Slug);

        (total, items) = RigSearchQuery.Apply(directory, new RigSearchInput { Query = "Medical Imaging Society" });
        Assert.Equal(["imaging-society", "a-imaging"], items.Select(i => i.Slug));

        (total, items) = RigSearchQuery.Apply(directory, new RigSearchInput { Query = "califor" }, skip: 1, take: 1);
        Assert.Equal(2, total);
        Assert.Equal("ucsf", Assert.Single(items).Slug);
    }

    [Theory]
    [InlineData("U of T", true)]
    [InlineData("U Penn", true)]
    [InlineData("Medical Imaging Society", false)]
    [InlineData("T", false)]
    public void AnAbbreviationOfSeveralWords_StopsAtItsExactMatches(string query, bool stops) => Assert.Equal(stops, SearchQuery.Parse(query)!.StopsAtExact);

    private DirectorySnapshot.Snapshot Directory()
    {
        DirectorySnapshot.SearchableRig Rig(string slug, string name, string school, string city, string? synonyms) =>
            DirectorySnapshot.SearchableRig.Of(
                new RigListItem(slug, name, "s-" + slug, school, null, city, "State", "ST", "US-ST", Country.US, DegreeType.MD, "region", "Region",
                    RigActivities.None, MeetingCadence.Monthly, null, null, null, null, null, null, null, DateTime.UnixEpoch, null, synonyms),
                _vocabulary);

        DirectorySnapshot.SearchableRig[] rigs =
        [
            Rig("a-imaging", "Radiology Interest Group", "Medical Imaging Society College", "Springfield", null),
            Rig("imaging-society", "Medical Imaging Society", "Elsewhere School of Medicine", "Springfield", null),
            Rig("ucsf", "UCSF Radiology Interest Group", "University of California, San Francisco School of Medicine", "San Francisco", "UCSF; UC San Francisco"),
            Rig("uc-davis", "Aggie Radiology", "University of California, Davis School of Medicine", "Sacramento", "UC Davis"),
            Rig("umontreal", "Groupe d'intérêt en radiologie", "Université de Montréal Faculté de médecine", "Montréal", "UdeM; U de M"),
            Rig("utoronto", "Toronto RIG", "University of Toronto Temerty Faculty of Medicine", "Toronto", "U of T; UofT"),
        ];
        return new DirectorySnapshot.Snapshot(_vocabulary, [.. rigs.Order(DirectorySnapshot.Comparers[RigSort.Name])], new RigFilterOptions([], []));
    }
}
