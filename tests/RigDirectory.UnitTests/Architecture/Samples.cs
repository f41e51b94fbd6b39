// Types that break the architecture rules on purpose, so that the rules are shown to find them.
#pragma warning disable CA1812, IDE0051, IDE0052, CA1823
namespace RigDirectory.UnitTests.Architecture.Samples.Features.Beta
{
    /// <summary>Beta's public surface: others may use it.</summary>
    public sealed class BetaQueries;
}

namespace RigDirectory.UnitTests.Architecture.Samples.Features.Beta.Internals
{
    /// <summary>Beta's own: only Beta may use it.</summary>
    public sealed class BetaInternal;
}

namespace RigDirectory.UnitTests.Architecture.Samples.Features.Alpha
{
    /// <summary>Uses Beta's public surface: allowed.</summary>
    public sealed class AlphaOwner(Beta.BetaQueries queries)
    {
        public Beta.BetaQueries Queries { get; } = queries;
    }
}

namespace RigDirectory.UnitTests.Architecture.Samples.Features.Alpha.Pages
{
    /// <summary>Reaches into Beta's internals: the leak.</summary>
    public sealed class AlphaPage(Beta.Internals.BetaInternal inner)
    {
        public Beta.Internals.BetaInternal Inner { get; } = inner;
    }
}

namespace RigDirectory.UnitTests.Architecture.Samples.Kernel
{
    /// <summary>A kernel type that knows a capability: the layer rule finds it.</summary>
    public sealed class KernelPart(Features.Beta.BetaQueries queries)
    {
        public Features.Beta.BetaQueries Queries { get; } = queries;
    }
}
