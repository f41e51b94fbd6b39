using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Infrastructure;
using RigDirectory.Web.Kernel;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Resources.AdminResources;

/// <summary>Admins publish and edit the resource library; every edit keeps the text it replaced.</summary>
[Authorize(Policy = Policies.Administer)]
[Route("admin/resources")]
public sealed class AdminResourcesController(AppDbContext db, ResourceLibrary library, MarkdownRenderer markdown) : Controller
{
    private const string EditView = "~/Features/Resources/AdminResources/Edit.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await db.Resources.AsNoTracking().OrderBy(r => r.Title)
            .Select(r => new ResourceRow(r.Slug, r.Title, r.Kind, r.Audience, r.UpdatedAt, r.Revisions.Count))
            .ToListAsync(cancellationToken));

    [HttpGet("new")]
    public IActionResult New() => View(EditView, new ResourceEditViewModel(null, new ResourceInput(), null));

    [HttpPost("new")]
    public async Task<IActionResult> Create([Bind(Prefix = "Input")] ResourceInput input, [FromForm] string? submit, CancellationToken cancellationToken)
    {
        if (submit == "preview" || !ModelState.IsValid)
        {
            return Form(null, input, submit);
        }

        return this.Done(await library.PublishAsync(input, cancellationToken), RedirectToAction(nameof(Index)));
    }

    [HttpGet("{slug}")]
    public async Task<IActionResult> Edit(string slug, CancellationToken cancellationToken)
    {
        var resource = await db.Resources.AsNoTracking().SingleOrDefaultAsync(r => r.Slug == slug, cancellationToken);
        return resource is null ? NotFound() : View(EditView, new ResourceEditViewModel(slug, ResourceInput.From(resource), null) { Files = await FilesAsync(slug, cancellationToken) });
    }

    /// <summary><paramref name="submit"/>: "preview" renders the text as readers will see it, without saving.</summary>
    [HttpPost("{slug}")]
    public async Task<IActionResult> Save(string slug, [Bind(Prefix = "Input")] ResourceInput input, [FromForm] string? submit, CancellationToken cancellationToken)
    {
        if (submit == "preview" || !ModelState.IsValid)
        {
            return Form(slug, input, submit);
        }

        var result = await library.EditAsync(slug, input, this.Actor(), cancellationToken);
        return result.Outcome switch
        {
            Outcome.Ok => this.Done(result, RedirectToAction(nameof(Edit), new { slug })),
            Outcome.Conflict => this.Done(LifecycleResult.Ok("Another admin saved this resource while you were editing: here it is as it is now; your text was not saved."), RedirectToAction(nameof(Edit), new { slug })),
            _ => this.Failure(result) ?? NotFound(),
        };
    }

    /// <summary>A request over the app's body limit never gets here (a 413 page); the file itself is checked against its own, lower limit.</summary>
    [HttpPost("{slug}/files")]
    public async Task<IActionResult> Attach(string slug, IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return await AttachmentRefusedAsync(slug, "Choose a file to attach.", cancellationToken);
        }

        await using var content = file.OpenReadStream();
        var result = await library.AttachAsync(slug, file.FileName, content, cancellationToken);
        return result.Outcome == Outcome.Invalid ? await AttachmentRefusedAsync(slug, result.Errors[0].Value, cancellationToken)
            : this.Failure(result) ?? this.Done(result, RedirectToAction(nameof(Edit), new { slug }));
    }

    [HttpPost("{slug}/files/{id:int}/remove")]
    public async Task<IActionResult> RemoveAttachment(string slug, int id, CancellationToken cancellationToken)
    {
        var result = await library.RemoveAttachmentAsync(slug, id, cancellationToken);
        return this.Failure(result) ?? this.Done(result, RedirectToAction(nameof(Edit), new { slug }));
    }

    [HttpGet("{slug}/revisions")]
    public async Task<IActionResult> Revisions(string slug, CancellationToken cancellationToken)
    {
        var resource = await db.Resources.AsNoTracking().Where(r => r.Slug == slug)
            .Select(r => new
            {
                r.Title,
                Revisions = r.Revisions.OrderByDescending(v => v.Number).Select(v => new RevisionRow(v.Number, v.Title, v.Summary, v.Body, v.ReplacedAt, v.ReplacedBy)).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return resource is null ? NotFound() : View(new RevisionsViewModel(slug, resource.Title, resource.Revisions));
    }

    /// <summary>The edit page again, with why the file was refused (400); nothing is saved.</summary>
    private async Task<IActionResult> AttachmentRefusedAsync(string slug, string why, CancellationToken cancellationToken)
    {
        var resource = await db.Resources.AsNoTracking().SingleOrDefaultAsync(r => r.Slug == slug, cancellationToken);
        if (resource is null)
        {
            return NotFound();
        }

        ModelState.AddModelError(ResourceLibrary.FileField, why);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(EditView, new ResourceEditViewModel(slug, ResourceInput.From(resource), null) { Files = await FilesAsync(slug, cancellationToken) });
    }

    private Task<List<Resources.AttachmentLink>> FilesAsync(string slug, CancellationToken cancellationToken) =>
        db.ResourceAttachments.AsNoTracking().Where(a => a.Resource!.Slug == slug).OrderBy(a => a.FileName)
            .Select(a => new Resources.AttachmentLink(a.Id, a.FileName, a.Size)).ToListAsync(cancellationToken);

    private ViewResult Form(string? slug, ResourceInput input, string? submit)
    {
        var preview = submit == "preview" && ModelState.IsValid;
        if (!preview)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return View(EditView, new ResourceEditViewModel(slug, input, preview ? markdown.ToHtml(input.Body) : null));
    }
}

public sealed record ResourceRow(string Slug, string Title, ResourceKind Kind, ResourceAudience Audience, DateTime UpdatedAt, int Revisions);

public sealed record ResourceEditViewModel(string? Slug, ResourceInput Input, string? PreviewHtml)
{
    public IReadOnlyList<Resources.AttachmentLink> Files { get; init; } = [];
}

public sealed record RevisionRow(int Number, string Title, string Summary, string Body, DateTime ReplacedAt, string? ReplacedBy);

public sealed record RevisionsViewModel(string Slug, string Title, IReadOnlyList<RevisionRow> Revisions);
