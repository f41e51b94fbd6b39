using System.Globalization;
using RigDirectory.Testing;
using RigDirectory.Web.Features;
using RigDirectory.Web.Infrastructure;

namespace RigDirectory.UnitTests.Architecture;

/// <summary>The code's shape (docs/architecture.md), checked on the app; each rule is also shown to fail on a sample that breaks it.</summary>
public sealed class ArchitectureTests
{
    private const string Features = "RigDirectory.Web.Features";
    private const string BaselineFile = "status-comparisons.txt";
    private const int MaxMethodLines = 40;
    private const string SampleFeatures = "RigDirectory.UnitTests.Architecture.Samples.Features";
    private static readonly System.Reflection.Assembly App = typeof(AppHost).Assembly;

    [Fact]
    public void NoCapability_UsesAnotherCapabilitysInternals() =>
        // The composition root registers every capability's services.
        Assert.Empty(ArchitectureRules.CapabilityLeaks(App, Features, exempt: [typeof(FeatureRegistration).FullName!]));

    [Fact]
    public void TheLayersBelowTheCapabilities_UseNone() =>
        // The demo seeder writes three years of coverage history through the coverage capability's own query.
        Assert.Empty(ArchitectureRules.LayersUsingCapabilities(App,
            ["RigDirectory.Web.Kernel", "RigDirectory.Web.Domain", "RigDirectory.Web.Auditing", "RigDirectory.Web.Data", "RigDirectory.Web.Notifications", "RigDirectory.Web.Infrastructure", "RigDirectory.Web.Security"],
            Features, exempt: ["RigDirectory.Web.Data.Seed.DatabaseInitializer", "RigDirectory.Web.Data.Seed.DemoCoverageHistory"]));

    [Fact]
    public void RolesAreReadOnlyInSecurity() =>
        Assert.Empty(SourceFiles().Where(f => !f.Path.StartsWith("Security/", StringComparison.Ordinal) && ArchitectureRules.RoleChecks(f.Text) > 0).Select(f => f.Path));

    /// <summary>Who acts is found one way (<c>Actor.From</c>, as <c>this.Actor()</c> in a controller) and passed into commands.</summary>
    [Fact]
    public void TheActingUserIsFoundOneWay() =>
        Assert.Empty(SourceFiles().Where(f => !f.Path.StartsWith("Security/", StringComparison.Ordinal) && !f.Path.StartsWith("Auditing/", StringComparison.Ordinal)
            && ArchitectureRules.UserIdReads(f.Text) > 0).Select(f => f.Path));

    [Fact]
    public void TheClockIsReadOnlyThroughTimeProvider() =>
        Assert.Empty(SourceFiles().Where(f => ArchitectureRules.ClockReads(f.Text) > 0).Select(f => f.Path));

    [Fact]
    public void StatusesAreComparedOutsideDomain_NoMoreThanTheBaselineAllows()
    {
        var counts = SourceFiles().Where(f => !f.Path.StartsWith("Domain/", StringComparison.Ordinal))
            .Select(f => (f.Path, Count: ArchitectureRules.StatusComparisons(f.Text))).Where(f => f.Count > 0)
            .ToDictionary(f => f.Path, f => f.Count, StringComparer.Ordinal);

        Assert.Empty(ArchitectureRules.AgainstBaseline(counts, Baseline()));
    }

    /// <summary>A method a reader takes in at once; seeding, which lists demo data, and generated migrations are exempt.</summary>
    [Fact]
    public void NoMethodOutsideSeeding_IsOverFortyLines() =>
        Assert.Empty(SourceFiles().Where(f => f.Path.EndsWith(".cs", StringComparison.Ordinal) && !f.Path.StartsWith("Data/Seed/", StringComparison.Ordinal))
            .SelectMany(f => ArchitectureRules.LongMethods(f.Text, MaxMethodLines).Select(m => $"{f.Path}: {m}")));

    [Fact]
    public void ALongMethod_IsFound_FromItsSignatureToItsLastBrace()
    {
        static string Method(string name, int bodyLines) =>
            $"/// <summary>Doc.</summary>\n[Obsolete]\npublic int {name}(\n    int a)\n{{\n{string.Concat(Enumerable.Repeat("    a++;\n", bodyLines))}    return a;\n}}\n";
        var source = $"class C\n{{\n{Method("Short", 35)}{Method("Long", 36)}    C() {{ }}\n}}";

        Assert.Equal(["Long: 41 lines"], ArchitectureRules.LongMethods(source, MaxMethodLines));
    }

    [Fact]
    public void ALeakIntoAnotherCapabilitysInternals_IsFound()
    {
        var leaks = ArchitectureRules.CapabilityLeaks(typeof(ArchitectureTests).Assembly, SampleFeatures, exempt: []);

        Assert.Equal([typeof(Samples.Features.Alpha.Pages.AlphaPage).FullName!], leaks);
    }

    [Fact]
    public void ALayerUsingACapability_IsFound()
    {
        var found = ArchitectureRules.LayersUsingCapabilities(typeof(ArchitectureTests).Assembly, [typeof(Samples.Kernel.KernelPart).Namespace!], SampleFeatures, exempt: []);

        Assert.Equal([typeof(Samples.Kernel.KernelPart).FullName!], found);
    }

    [Theory]
    [InlineData("if (rig.Status == RigStatus.Approved)", 1)]
    [InlineData("r => r.Status != MentorStatus.Paused && RigStatus.Draft == s", 2)]
    [InlineData("registration is { Status: RegistrationStatus.Cancelled }", 1)]
    [InlineData("@if (Model.Status is RigStatus.Submitted)", 1)]
    [InlineData("rig.Status = RigStatus.Approved; var shown = Rigs.Public(rig);", 0)]
    public void StatusComparisons_AreCounted(string source, int expected) => Assert.Equal(expected, ArchitectureRules.StatusComparisons(source));

    [Theory]
    [InlineData("@if (User.IsInRole(Roles.AcrAdmin))", 1)]
    [InlineData("await users.IsInRoleAsync(user, Roles.Mentor)", 1)]
    [InlineData("[Authorize(Roles = \"AcrAdmin\")]", 1)]
    [InlineData("[Authorize(Policy = Policies.Administer)] @if (User.IsMentor())", 0)]
    public void RoleChecks_AreFound(string source, int expected) => Assert.Equal(expected, ArchitectureRules.RoleChecks(source));

    [Theory]
    [InlineData("var id = User.FindFirstValue(ClaimTypes.NameIdentifier);", 1)]
    [InlineData("users.GetUserId(User)", 1)]
    [InlineData("var id = this.Actor().UserId;", 0)]
    public void UserIdReads_AreFound(string source, int expected) => Assert.Equal(expected, ArchitectureRules.UserIdReads(source));

    [Theory]
    [InlineData("var now = DateTime.UtcNow;", 1)]
    [InlineData("DateTimeOffset.Now.Year", 1)]
    [InlineData("var now = clock.GetUtcNow().UtcDateTime;", 0)]
    public void ClockReads_AreFound(string source, int expected) => Assert.Equal(expected, ArchitectureRules.ClockReads(source));

    [Fact]
    public void TheBaseline_RefusesANewComparison_AndOneThatIsGone()
    {
        var baseline = new Dictionary<string, int> { ["Features/A.cs"] = 2, ["Features/B.cs"] = 1 };

        Assert.Empty(ArchitectureRules.AgainstBaseline(new Dictionary<string, int> { ["Features/A.cs"] = 2, ["Features/B.cs"] = 1 }, baseline));
        Assert.Contains("Features/C.cs: 1", Assert.Single(ArchitectureRules.AgainstBaseline(new Dictionary<string, int> { ["Features/A.cs"] = 2, ["Features/B.cs"] = 1, ["Features/C.cs"] = 1 }, baseline)), StringComparison.Ordinal);
        Assert.Contains("Lower it", Assert.Single(ArchitectureRules.AgainstBaseline(new Dictionary<string, int> { ["Features/A.cs"] = 2 }, baseline)), StringComparison.Ordinal);
    }

    /// <summary>The app's hand-written source, paths relative to <c>src/RigDirectory.Web</c> with forward slashes.</summary>
    private static IEnumerable<(string Path, string Text)> SourceFiles()
    {
        var root = Path.Combine(SourceTree.Root(), "src", "RigDirectory.Web");
        return Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal) && !f.StartsWith("Data/Migrations/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (f, File.ReadAllText(Path.Combine(root, f))));
    }

    /// <summary>Where status comparisons are still written outside Domain/: each line "path count"; it only ever shrinks.</summary>
    private static Dictionary<string, int> Baseline() =>
        File.ReadAllLines(Path.Combine(SourceTree.Root(), "tests", "RigDirectory.UnitTests", "Architecture", BaselineFile))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' '))
            .ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
}
