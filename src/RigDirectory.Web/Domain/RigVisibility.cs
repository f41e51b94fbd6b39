using System.Linq.Expressions;

namespace RigDirectory.Web.Domain;

/// <summary>Which RIGs the public directory shows: one rule, used by every page, count, feed and export.</summary>
public static class RigVisibility
{
    /// <summary>Approved and at a listed school. An expression, so that queries send it as SQL.</summary>
    public static readonly Expression<Func<Rig, bool>> IsPublic = r => r.Status == RigStatus.Approved && r.School!.Status == SchoolStatus.Listed;

    private static readonly Func<Rig, bool> Check = IsPublic.Compile();

    /// <summary>The same rule for a loaded RIG (its school loaded too).</summary>
    public static bool Shows(Rig rig) => Check(rig ?? throw new ArgumentNullException(nameof(rig)));
}
