using RigDirectory.Web.Infrastructure;

namespace RigDirectory.UnitTests;

/// <summary>Two instances' copies of one snapshot, told of each other's changes by a shared stamp (Redis in production).</summary>
public sealed class SharedCopyTests
{
    private sealed class SharedCounter : ISharedStamps
    {
        private long _stamp;

        public Task<long> ReadAsync(string name) => Task.FromResult(Interlocked.Read(ref _stamp));

        public Task<long> BumpAsync(string name) => Task.FromResult(Interlocked.Increment(ref _stamp));
    }

    private sealed class Instance
    {
        private Instance(ISharedStamps stamps) => Copy = new SharedCopy<string>("directory", stamps, () => Task.FromResult($"build {++Builds}"));

        public int Builds { get; private set; }

        public SharedCopy<string> Copy { get; }

        public static Instance On(ISharedStamps stamps) => new(stamps);
    }

    [Fact]
    public async Task AChangeOnOneInstance_MakesTheOtherRebuildOnItsNextRead()
    {
        var stamps = new SharedCounter();
        var a = Instance.On(stamps);
        var b = Instance.On(stamps);
        await a.Copy.GetAsync();
        await b.Copy.GetAsync();
        await b.Copy.GetAsync();

        await a.Copy.DropAsync();

        Assert.Equal("build 2", await b.Copy.GetAsync());
        Assert.Equal("build 2", await a.Copy.GetAsync());
        Assert.Equal("build 2", await b.Copy.GetAsync());
    }

    [Fact]
    public async Task ARowRefreshedInPlace_IsKeptHere_WhileTheOtherInstanceRebuilds()
    {
        var stamps = new SharedCounter();
        var a = Instance.On(stamps);
        var b = Instance.On(stamps);
        await b.Copy.GetAsync();
        var (copy, generation) = (await a.Copy.GetAsync(), a.Copy.Peek().Generation);

        Assert.True(await a.Copy.ReplaceAsync(copy, "build 1, one row refreshed", generation));

        Assert.Equal("build 1, one row refreshed", await a.Copy.GetAsync());
        Assert.Equal(1, a.Builds);
        Assert.Equal("build 2", await b.Copy.GetAsync());
    }

    [Fact]
    public async Task ARefreshOverlappingAnotherInstancesChange_IsDroppedRatherThanKept()
    {
        var stamps = new SharedCounter();
        var a = Instance.On(stamps);
        var b = Instance.On(stamps);
        var copy = await a.Copy.GetAsync();
        var generation = a.Copy.Peek().Generation;
        // B changes something between A's read of its copy and A's refresh.
        await b.Copy.DropAsync();

        await a.Copy.ReplaceAsync(copy, "build 1, one row refreshed", generation);

        Assert.Equal("build 2", await a.Copy.GetAsync());
    }

    [Fact]
    public async Task ARefreshAfterALocalDrop_DropsAgain()
    {
        var a = Instance.On(new SharedCounter());
        var copy = await a.Copy.GetAsync();
        var generation = a.Copy.Peek().Generation;
        await a.Copy.DropAsync();

        Assert.False(await a.Copy.ReplaceAsync(copy, "stale refresh", generation));

        Assert.Equal("build 2", await a.Copy.GetAsync());
    }

    [Fact]
    public async Task AnExpiredCopy_IsRebuiltWithoutAnyChange()
    {
        var builds = 0;
        var expired = false;
        var copy = new SharedCopy<string>("events", new SharedCounter(), () => Task.FromResult($"build {++builds}"), _ => expired);
        await copy.GetAsync();

        expired = true;

        Assert.Equal("build 2", await copy.GetAsync());
    }
}
