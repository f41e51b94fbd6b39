using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;

namespace RigDirectory.UnitTests;

public sealed class DirectorySnapshotTests
{
    private readonly SearchVocabulary _vocabulary = new();

    private DirectorySnapshot.SearchableRig Row(string slug, string name, string school, DateTime? verified) =>
        DirectorySnapshot.SearchableRig.Of(
            new RigListItem(slug, name, "s-" + slug, school, null, "City", "State", "ST", "US-ST", Country.US, DegreeType.MD, "region", "Region",
                RigActivities.None, MeetingCadence.Monthly, null, null, null, null, null, null, verified, DateTime.UnixEpoch, null, null),
            _vocabulary);

    private DirectorySnapshot.Snapshot Snapshot(params DirectorySnapshot.SearchableRig[] rigs) =>
        new(_vocabulary, [.. rigs.Order(DirectorySnapshot.Comparers[RigSort.Name])], new RigFilterOptions([], []));

    private static List<string> Slugs(DirectorySnapshot.Snapshot snapshot, RigSort sort) => [.. snapshot.InOrder(sort).Select(r => r.Item.Slug)];

    [Fact]
    public void With_MovesTheChangedRowInEveryOrder_AsAFullSortWould()
    {
        var rows = Enumerable.Range(0, 30).Select(i => Row($"rig-{i:D2}", $"RIG {(i * 7) % 30:D2}", $"School {(i * 11) % 30:D2}", DateTime.UnixEpoch.AddDays(i))).ToArray();
        var before = Snapshot(rows);
        _ = before.InOrder(RigSort.School);
        _ = before.InOrder(RigSort.Verified);
        var changed = Row("rig-05", "RIG 05", "School 05", DateTime.UnixEpoch.AddDays(100));

        var after = before.With("rig-05", changed);

        var expected = Snapshot([.. rows.Where(r => r.Item.Slug != "rig-05"), changed]);
        foreach (var sort in Enum.GetValues<RigSort>())
        {
            Assert.Equal(Slugs(expected, sort), Slugs(after, sort));
        }

        Assert.Equal(0, after.PositionOf("rig-05", RigSort.Verified));
    }

    [Fact]
    public void With_NoRow_RemovesTheRig()
    {
        var before = Snapshot(Row("a", "Alpha", "S1", null), Row("b", "Beta", "S2", null));

        var after = before.With("a", null);

        Assert.Equal(["b"], Slugs(after, RigSort.Name));
        Assert.Equal(-1, after.PositionOf("a", RigSort.School));
    }

    [Fact]
    public void ListPagesShowing_AnEditedRowInPlace_IsOnlyItsOwnPage()
    {
        var rows = Enumerable.Range(0, 60).Select(i => Row($"rig-{i:D2}", $"RIG {i:D2}", $"School {i:D2}", DateTime.UnixEpoch)).ToArray();
        var before = Snapshot(rows);
        var after = before.With("rig-45", rows[45] with { Search = new SearchDocument(" edited \nedited\n") });

        var tags = DirectoryCache.ListPagesShowing("rig-45", before, after).ToList();

        Assert.Equal([DirectoryCache.AnyRowTag, DirectoryCache.ListPageTag(RigSort.Name, 3), DirectoryCache.ListPageTag(RigSort.School, 3), DirectoryCache.ListPageTag(RigSort.Verified, 3)], tags);
    }

    [Fact]
    public void ListPagesShowing_ARowThatMoves_IsEveryPageFromWhereItWasToWhereItIs()
    {
        var rows = Enumerable.Range(0, 60).Select(i => Row($"rig-{i:D2}", $"RIG {i:D2}", $"School {i:D2}", DateTime.UnixEpoch)).ToArray();
        var before = Snapshot(rows);
        var after = before.With("rig-45", Row("rig-45", "RIG 45", "School 45", DateTime.UnixEpoch.AddDays(1)));

        var tags = DirectoryCache.ListPagesShowing("rig-45", before, after).ToList();

        Assert.Contains(DirectoryCache.ListPageTag(RigSort.Verified, 1), tags);
        Assert.Contains(DirectoryCache.ListPageTag(RigSort.Verified, 2), tags);
        Assert.Contains(DirectoryCache.ListPageTag(RigSort.Verified, 3), tags);
        Assert.DoesNotContain(DirectoryCache.ListPageTag(RigSort.Name, 1), tags);
        Assert.DoesNotContain(DirectoryCache.ListTag, tags);
    }

    [Fact]
    public void ListPagesShowing_ARowThatAppears_IsTheWholeList()
    {
        var before = Snapshot(Row("a", "Alpha", "S1", null));
        var after = before.With("b", Row("b", "Beta", "S2", null));

        Assert.Contains(DirectoryCache.ListTag, DirectoryCache.ListPagesShowing("b", before, after));
    }
}
