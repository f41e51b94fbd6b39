using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using RigDirectory.Web.Data;
using RigDirectory.Web.Infrastructure.Holes;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Directory.Rigs;

/// <param name="Viewer">The signed-in visitor's relation to the RIG; null for a visitor who has not signed in.</param>
public sealed record InterestSection(string Slug, ProfileViewer? Viewer);

/// <summary>The profile's "Interested?" box: a sign-in prompt, the visitor's own interest, or for leaders who is interested.</summary>
/// <remarks>A student's part comes from <see cref="InterestViewers"/> in memory; its leaders' (how many are interested) is queried.</remarks>
public sealed class InterestHole(AppDbContext db, InterestViewers viewers) : IHole
{
    public const string Name = "interest";

    public async Task<HoleView?> ViewAsync(HttpContext context, ClaimsPrincipal viewer, string argument, CancellationToken cancellationToken)
    {
        var userId = Auditing.Actor.From(viewer).UserId;
        var relation = userId is null ? null : await RelationAsync(argument, userId, cancellationToken);
        return new HoleView("/Features/Directory/Rigs/_Interest.cshtml", new InterestSection(argument, relation));
    }

    private async Task<ProfileViewer?> RelationAsync(string slug, string userId, CancellationToken cancellationToken)
    {
        var facts = await viewers.GetAsync(db, userId, cancellationToken);
        if (facts.Leads.Contains(slug))
        {
            return await ProfileViewer.FindAsync(db, slug, userId, cancellationToken);
        }

        var shown = facts.Interests.GetValueOrDefault(slug);
        return new ProfileViewer(0, false, 0, shown?.Since, shown?.SharedEmail, facts.AccountEmail, facts.OwnSchool);
    }
}

/// <summary>A leader's link to nominate the RIG for an award; nothing for anyone else.</summary>
public sealed class NominateHole(IAuthorizationService authorization) : IHole
{
    public const string Name = "nominate";

    public async Task<HoleView?> ViewAsync(HttpContext context, ClaimsPrincipal viewer, string argument, CancellationToken cancellationToken) =>
        viewer.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(viewer, Policies.LeadRig)).Succeeded
            ? new HoleView("/Features/Directory/Rigs/_Nominate.cshtml", argument)
            : null;
}
