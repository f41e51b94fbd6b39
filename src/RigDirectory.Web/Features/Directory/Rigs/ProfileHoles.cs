using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Infrastructure.Holes;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Directory.Rigs;

/// <param name="Viewer">The signed-in visitor's relation to the RIG; null for a visitor who has not signed in.</param>
/// <param name="TokenField">The forms' antiforgery field and <paramref name="Token"/> its value.</param>
/// <param name="Since">The day the visitor said they were interested, as shown.</param>
public sealed record InterestSection(string Slug, ProfileViewer? Viewer, string TokenField = "", string Token = "", string? Since = null);

/// <summary>
/// The profile's "Interested?" box: a sign-in prompt, the visitor's own interest, or for leaders who is interested.
/// A student's box is rendered once per kind (signed out, interested, not yet) with placeholders for the RIG, their
/// school, emails, day and token, filled per request from <see cref="InterestViewers"/> in memory: rendering the form
/// per request was two fifths of a signed-in profile's time. Its leaders' (how many are interested) is queried and
/// rendered per request.
/// </summary>
public sealed class InterestHole(AppDbContext db, InterestViewers viewers, IAntiforgery antiforgery) : IHole
{
    public const string Name = "interest";

    private const string Partial = "/Features/Directory/Rigs/_Interest.cshtml";
    private const string SlugPlaceholder = "rd-fill-rig";
    private const string SchoolPlaceholder = "rd-fill-school";
    private const string AccountEmailPlaceholder = "rd-fill-account-email";
    private const string SharedEmailPlaceholder = "rd-fill-shared-email";
    private const string SincePlaceholder = "rd-fill-since";
    private const string TokenPlaceholder = "rd-fill-interest-token";

    public async Task<HoleView?> ViewAsync(HttpContext context, ClaimsPrincipal viewer, string argument, CancellationToken cancellationToken)
    {
        var userId = Auditing.Actor.From(viewer).UserId;
        if (userId is null)
        {
            return new HoleView(Partial, new InterestSection(SlugPlaceholder, null)) { TemplateKey = "signed-out", Fills = [(SlugPlaceholder, argument)] };
        }

        var facts = await viewers.GetAsync(db, userId, cancellationToken);
        var tokens = antiforgery.GetAndStoreTokens(context);
        if (facts.Leads.Contains(argument))
        {
            return new HoleView(Partial, new InterestSection(argument, await ProfileViewer.FindAsync(db, argument, userId, cancellationToken), tokens.FormFieldName, tokens.RequestToken ?? ""));
        }

        var shown = facts.Interests.GetValueOrDefault(argument);
        var template = new ProfileViewer(0, false, 0, shown?.Since, SharedEmailPlaceholder, AccountEmailPlaceholder, SchoolPlaceholder);
        return new HoleView(Partial, new InterestSection(SlugPlaceholder, template, tokens.FormFieldName, TokenPlaceholder, SincePlaceholder))
        {
            TemplateKey = shown is null ? "not-yet" : "interested",
            Fills =
            [
                (SlugPlaceholder, argument),
                (SchoolPlaceholder, HtmlEncoder.Default.Encode(facts.OwnSchool ?? "")),
                (AccountEmailPlaceholder, HtmlEncoder.Default.Encode(facts.AccountEmail ?? "")),
                (SharedEmailPlaceholder, HtmlEncoder.Default.Encode(shown?.SharedEmail ?? "")),
                (SincePlaceholder, shown is null ? "" : HtmlEncoder.Default.Encode(EventTimeZones.Day(shown.Since))),
                (TokenPlaceholder, HtmlEncoder.Default.Encode(tokens.RequestToken ?? "")),
            ],
        };
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
