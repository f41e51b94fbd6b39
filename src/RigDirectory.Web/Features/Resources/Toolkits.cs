using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Features.Resources;

/// <summary>Finding resources by tag in SQL: tags are stored "a; b; c", so a tag is the whole text, first, last or between two others.</summary>
public static class ResourceTags
{
    public static Expression<Func<Resource, bool>> HasAny(IReadOnlyCollection<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var resource = Expression.Parameter(typeof(Resource), "r");
        Expression? any = null;
        foreach (var tag in tags)
        {
            Expression<Func<Resource, bool>> one = r => r.Tags == tag || r.Tags!.StartsWith(tag + "; ") || r.Tags.EndsWith("; " + tag) || r.Tags.Contains("; " + tag + "; ");
            var body = new Rebind(one.Parameters[0], resource).Visit(one.Body);
            any = any is null ? body : Expression.OrElse(any, body);
        }

        return Expression.Lambda<Func<Resource, bool>>(any ?? Expression.Constant(false), resource);
    }

    /// <summary>The toolkits and guides that fit each step of registering a RIG (by their tags).</summary>
    public static IReadOnlyList<string> ForStep(RegistrationStep step) => step switch
    {
        RegistrationStep.Sponsors => ["sponsors"],
        RegistrationStep.Officers => ["officers"],
        RegistrationStep.Details => ["first-meeting", "events"],
        _ => ["start-a-rig"],
    };

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

/// <summary>
/// "Toolkits for this step": up to three resources with any of the tags that the reader may see, linked from the
/// start-a-RIG page and each step of the registration wizard. Renders nothing when none fits.
/// </summary>
public sealed class ToolkitsViewComponent(AppDbContext db, Microsoft.AspNetCore.Authorization.IAuthorizationService authorization) : ViewComponent
{
    public const int Shown = 3;

    public async Task<IViewComponentResult> InvokeAsync(IReadOnlyCollection<string> tags)
    {
        var audiences = await ResourcesController.VisibleToAsync(authorization, UserClaimsPrincipal);
        var toolkits = await db.Resources.AsNoTracking().Where(r => audiences.Contains(r.Audience)).Where(ResourceTags.HasAny(tags))
            .OrderBy(r => r.Kind).ThenBy(r => r.Title).Take(Shown)
            .Select(r => new ToolkitLink(r.Slug, r.Title, r.Kind))
            .ToListAsync(HttpContext.RequestAborted);
        return View("~/Features/Resources/_Toolkits.cshtml", toolkits);
    }
}

public sealed record ToolkitLink(string Slug, string Title, ResourceKind Kind);
