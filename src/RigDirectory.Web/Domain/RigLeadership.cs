using System.Linq.Expressions;

namespace RigDirectory.Web.Domain;

/// <summary>
/// Who leads a RIG: its current officers, and the user who started its registration until it is approved (from then
/// on its officers only, so a starter who graduated no longer leads it once their term ended).
/// </summary>
public static class RigLeadership
{
    /// <summary>The rule, written once: used as SQL for lists and compiled once for a loaded RIG.</summary>
    private static readonly Expression<Func<Rig, string, bool>> Rule =
        (rig, userId) => (rig.CreatedByUserId == userId && rig.ApprovedAt == null) || rig.Officers.Any(o => o.UserId == userId && o.EndedAt == null);

    private static readonly Func<Rig, string, bool> CompiledRule = Rule.Compile();

    /// <summary>The RIGs the user leads, as a database query.</summary>
    public static IQueryable<Rig> LedBy(this IQueryable<Rig> rigs, string userId)
    {
        ArgumentNullException.ThrowIfNull(rigs);
        var rig = Rule.Parameters[0];
        // A member of a captured object, like a closure, so EF Core sends the id as a SQL parameter.
        var value = Expression.Property(Expression.Constant(new Captured(userId)), nameof(Captured.UserId));
        var body = new Substitute(Rule.Parameters[1], value).Visit(Rule.Body);
        return rigs.Where(Expression.Lambda<Func<Rig, bool>>(body, rig));
    }

    /// <summary>The same rule on a loaded RIG (its officers included).</summary>
    public static bool IsLedBy(this Rig rig, string userId) => CompiledRule(rig, userId);

    /// <summary>The emails of a loaded RIG's current officers (their accounts included): whom its emails go to.</summary>
    public static List<string> CurrentOfficerEmails(this Rig rig) =>
        [.. (rig ?? throw new ArgumentNullException(nameof(rig))).Officers.Where(o => o.EndedAt == null && o.User?.Email is not null).Select(o => o.User!.Email!)];

    private sealed record Captured(string UserId);

    private sealed class Substitute(ParameterExpression parameter, Expression value) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? value : base.VisitParameter(node);
    }
}
