using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Infrastructure;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Resources;

/// <summary>
/// The resource library: toolkits, guides, templates, slide decks and recorded talks, searched and filtered by tag and
/// kind. Each reader sees what their audience allows: visitors what is for everyone, signed-in users more, RIG leaders
/// (and ACR staff) everything.
/// </summary>
[AllowAnonymous]
[Route("resources")]
public sealed class ResourcesController(AppDbContext db, MarkdownRenderer markdown, ResourceFileStore files, IAuthorizationService authorization) : Controller
{
    public const int PageSize = 20;

    [HttpGet("")]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "q"), StringLength(Limits.Name)] string? query,
        [FromQuery, StringLength(60)] string? tag,
        [FromQuery] ResourceKind? kind,
        [FromQuery] ResourceAudience? audience,
        [FromQuery, Range(1, 1000)] int page = 1,
        CancellationToken cancellationToken = default)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            (query, tag, kind, audience, page) = (null, null, null, null, 1);
        }

        var audiences = await VisibleToAsync(authorization, User);
        var resources = Filtered(db.Resources.AsNoTracking().Where(r => audiences.Contains(r.Audience)), query, tag, kind, audience);
        var rows = await resources.OrderBy(r => r.Kind).ThenBy(r => r.Title).Skip((page - 1) * PageSize).Take(PageSize + 1)
            .Select(r => new ResourceCard(r.Slug, r.Title, r.Summary, r.Kind, r.Audience, r.Tags, r.UpdatedAt))
            .ToListAsync(cancellationToken);
        return View(new ResourceListViewModel(query, tag, kind, rows.Take(PageSize).ToList(), page, rows.Count > PageSize) { Audience = audience, Audiences = audiences });
    }

    /// <summary>The resources matching the words (in the title, summary or tags), the tag, the kind and the audience chosen.</summary>
    private static IQueryable<Resource> Filtered(IQueryable<Resource> resources, string? query, string? tag, ResourceKind? kind, ResourceAudience? audience)
    {
        if (!string.IsNullOrWhiteSpace(query))
        {
            var pattern = LikePatterns.Containing(query);
            resources = resources.Where(r => EF.Functions.Like(r.Title, pattern, LikePatterns.Escape) || EF.Functions.Like(r.Summary, pattern, LikePatterns.Escape) || EF.Functions.Like(r.Tags!, pattern, LikePatterns.Escape));
        }

        if (!string.IsNullOrWhiteSpace(tag))
        {
            resources = resources.Where(ResourceTags.HasAny([tag.Trim().ToLowerInvariant()]));
        }

        if (kind is { } k)
        {
            resources = resources.Where(r => r.Kind == k);
        }

        return audience is { } a ? resources.Where(r => r.Audience == a) : resources;
    }

    [HttpGet("{slug}")]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken)
    {
        var resource = await db.Resources.AsNoTracking().Where(r => r.Slug == slug)
            .Select(r => new
            {
                Card = new ResourceCard(r.Slug, r.Title, r.Summary, r.Kind, r.Audience, r.Tags, r.UpdatedAt),
                r.Body,
                Files = r.Attachments.OrderBy(a => a.FileName).Select(a => new AttachmentLink(a.Id, a.FileName, a.Size)).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (resource is null)
        {
            return NotFound();
        }

        if (!(await VisibleToAsync(authorization, User)).Contains(resource.Card.Audience))
        {
            // Visitors are asked to sign in; a signed-in reader without access learns no more than that it is not for them.
            return User.Identity?.IsAuthenticated == true ? NotFound() : Challenge();
        }

        return View(new ResourcePageViewModel(resource.Card, markdown.ToHtml(resource.Body), resource.Files));
    }

    /// <summary>An attachment, for readers of its resource only; always downloaded, never shown in the browser.</summary>
    [HttpGet("{slug}/files/{id:int}")]
    public async Task<IActionResult> Download(string slug, int id, CancellationToken cancellationToken)
    {
        var file = await db.ResourceAttachments.AsNoTracking().Where(a => a.Id == id && a.Resource!.Slug == slug)
            .Select(a => new { a.FileName, a.ContentType, a.StoredName, a.Resource!.Audience })
            .SingleOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        if (!(await VisibleToAsync(authorization, User)).Contains(file.Audience))
        {
            return User.Identity?.IsAuthenticated == true ? NotFound() : Challenge();
        }

        return PhysicalFile(files.PathOf(file.StoredName), file.ContentType, file.FileName);
    }

    /// <summary>The audiences <paramref name="user"/> may read: leaders' resources under the leaders' policy.</summary>
    public static async Task<IReadOnlyList<ResourceAudience>> VisibleToAsync(IAuthorizationService authorization, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated != true ? [ResourceAudience.Everyone]
            : await authorization.AllowsAsync(user, Policies.LeadRig) ? [ResourceAudience.Everyone, ResourceAudience.SignedIn, ResourceAudience.RigLeaders]
            : [ResourceAudience.Everyone, ResourceAudience.SignedIn];
    }
}

public sealed record ResourceCard(string Slug, string Title, string Summary, ResourceKind Kind, ResourceAudience Audience, string? Tags, DateTime UpdatedAt)
{
    public IEnumerable<string> TagList => Resource.SplitTags(Tags);
}

public sealed record ResourceListViewModel(string? Query, string? Tag, ResourceKind? Kind, IReadOnlyList<ResourceCard> Resources, int Page, bool HasMore)
{
    /// <summary>The audience filtered on, and those the reader may choose from (only what they can read).</summary>
    public ResourceAudience? Audience { get; init; }

    public IReadOnlyList<ResourceAudience> Audiences { get; init; } = [];
}

public sealed record AttachmentLink(int Id, string FileName, long Size)
{
    public string SizeText => Size >= 1024 * 1024 ? $"{Size / (1024.0 * 1024):0.#} MB" : $"{Math.Max(1, Size / 1024)} KB";
}

public sealed record ResourcePageViewModel(ResourceCard Resource, string BodyHtml, IReadOnlyList<AttachmentLink> Files);

public static class ResourceServices
{
    public static IServiceCollection AddResources(this IServiceCollection services)
    {
        services.AddOptions<ResourceFileOptions>().BindConfiguration(ResourceFileOptions.Section);
        return services.AddSingleton<MarkdownRenderer>().AddSingleton<ResourceFileStore>();
    }
}
