using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Auditing;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Infrastructure;
using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Features.Resources;

/// <summary>
/// Admins publish and edit the resource library. An edit keeps the text it replaces as a numbered revision, in the
/// same save as the edit and its audit entry; an edit made from a stale page is refused, so nobody's text is lost.
/// </summary>
public sealed class ResourceLibrary(AppDbContext db, AuditLog audit, ResourceFileStore files, SaveStep save, TimeProvider clock)
{
    public const string FileField = "File";

    public const string EntityType = nameof(Resource);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<LifecycleResult> PublishAsync(ResourceInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        // The slug is picked in the write transaction that adds the resource, so two published at once differ.
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        var resource = new Resource { Slug = await Slugs.UniqueAsync(db.Resources.Select(r => r.Slug), SlugRules.From(input.Title), cancellationToken), Title = "", Summary = "", Body = "", CreatedAt = Now, UpdatedAt = Now };
        var changes = input.ApplyTo(resource);
        return await save.AddAsync(resource, added => audit.Record(EntityType, Id(added), null, AuditAction.ResourcePublished, changes),
            added => LifecycleResult.Ok($"\"{added.Title}\" is published."), cancellationToken, transaction: transaction);
    }

    public async Task<LifecycleResult> EditAsync(string slug, ResourceInput input, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var resource = await db.Resources.Include(r => r.Revisions).SingleOrDefaultAsync(r => r.Slug == slug, cancellationToken);
        if (resource is null)
        {
            return LifecycleResult.NotFound;
        }

        if (resource.Version != input.Version)
        {
            return LifecycleResult.Conflict;
        }

        var before = Revision(resource, by);
        var changes = input.ApplyTo(resource);
        if (changes.Count == 0)
        {
            return LifecycleResult.Ok("Nothing had changed.");
        }

        resource.Revisions.Add(before);
        resource.UpdatedAt = Now;
        // The body can be long: the entry names the fields changed and the revision that keeps the old text.
        if (changes.ContainsKey(nameof(Resource.Body)))
        {
            changes[nameof(Resource.Body)] = new FieldChange($"revision {before.Number.ToString(CultureInfo.InvariantCulture)}", "edited");
        }

        audit.Record(EntityType, Id(resource), null, AuditAction.ResourceEdited, changes);
        // Another admin's edit took this revision number (or the version) first.
        return await save.CommitAsync(LifecycleResult.Ok($"\"{resource.Title}\" is saved; the previous text is kept as revision {before.Number.ToString(CultureInfo.InvariantCulture)}."),
            cancellationToken, lostRace: _ => LifecycleResult.Conflict);
    }

    /// <summary>The text as it is now, kept as the next revision when an edit replaces it.</summary>
    private ResourceRevision Revision(Resource resource, Actor by) => new()
    {
        Number = resource.Revisions.Count + 1,
        Title = resource.Title,
        Summary = resource.Summary,
        Body = resource.Body,
        Tags = resource.Tags,
        ReplacedAt = Now,
        ReplacedBy = by.DisplayName,
    };

    /// <summary>
    /// Attaches an upload once its name has no path, its size is within the limit and its first bytes show it is the
    /// kind of file its name says (a renamed program is refused). Stored outside the web root under a random name.
    /// </summary>
    public async Task<LifecycleResult> AttachAsync(string slug, string? fileName, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var resource = await db.Resources.SingleOrDefaultAsync(r => r.Slug == slug, cancellationToken);
        if (resource is null)
        {
            return LifecycleResult.NotFound;
        }

        var (upload, refusal) = await files.CheckAsync(fileName, content, imagesOnly: false, cancellationToken);
        if (upload is null)
        {
            return LifecycleResult.Invalid(FileField, refusal!);
        }

        await using var buffer = upload;
        var stored = await files.SaveAsync(upload.Content, cancellationToken);
        resource.Attachments.Add(new ResourceAttachment { FileName = upload.FileName, ContentType = upload.ContentType, Size = upload.Size, StoredName = stored, UploadedAt = Now });
        resource.UpdatedAt = Now;
        audit.Record(EntityType, Id(resource), null, AuditAction.ResourceFileAttached, AuditChanges.Of("File", null, fileName));
        var saved = LifecycleResult.Conflict;
        try
        {
            saved = await save.CommitAsync(LifecycleResult.Ok($"{fileName} is attached."), cancellationToken);
            return saved;
        }
        finally
        {
            // A file whose attachment was not saved is not kept.
            if (!saved.Succeeded)
            {
                files.Delete(stored);
            }
        }
    }

    public async Task<LifecycleResult> RemoveAttachmentAsync(string slug, int attachmentId, CancellationToken cancellationToken)
    {
        var attachment = await db.ResourceAttachments.Include(a => a.Resource).SingleOrDefaultAsync(a => a.Id == attachmentId && a.Resource!.Slug == slug, cancellationToken);
        if (attachment is null)
        {
            return LifecycleResult.NotFound;
        }

        db.ResourceAttachments.Remove(attachment);
        audit.Record(EntityType, Id(attachment.Resource!), null, AuditAction.ResourceFileRemoved, AuditChanges.Of("File", attachment.FileName, null));
        var saved = await save.CommitAsync(LifecycleResult.Ok($"{attachment.FileName} is removed."), cancellationToken);
        if (saved.Succeeded)
        {
            files.Delete(attachment.StoredName);
        }

        return saved;
    }

    private static string Id(Resource resource) => resource.Id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Exactly what the resource form posts.</summary>
public sealed class ResourceInput
{
    [Required(ErrorMessage = "Enter a title.")]
    [StringLength(Limits.Name, MinimumLength = 3, ErrorMessage = "Enter a title (3 to 200 characters).")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Enter a summary: it shows in the list.")]
    [StringLength(Resource.SummaryLength, MinimumLength = 10, ErrorMessage = "Enter a summary (10 to 500 characters).")]
    public string Summary { get; set; } = "";

    [Required(ErrorMessage = "Write the resource itself.")]
    [StringLength(Resource.BodyLength, ErrorMessage = "Keep the text under 20,000 characters; link longer material.")]
    [Display(Name = "Text (Markdown)")]
    public string Body { get; set; } = "";

    public ResourceKind Kind { get; set; }

    [Display(Name = "Who can read it")]
    public ResourceAudience Audience { get; set; }

    [StringLength(Resource.TagsLength)]
    [Display(Name = "Tags (separated by commas)")]
    public string? Tags { get; set; }

    /// <summary>The version of the resource the editor loaded.</summary>
    public int Version { get; set; }

    public static ResourceInput From(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return new ResourceInput
        {
            Title = resource.Title,
            Summary = resource.Summary,
            Body = resource.Body,
            Kind = resource.Kind,
            Audience = resource.Audience,
            Tags = string.Join(", ", Resource.SplitTags(resource.Tags)),
            Version = resource.Version,
        };
    }

    public AuditChanges ApplyTo(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var tags = Resource.JoinTags((Tags ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries));
        var changes = new AuditChanges()
            .With(nameof(Resource.Title), resource.Title, Title.Trim())
            .With(nameof(Resource.Summary), resource.Summary, Summary.Trim())
            .With(nameof(Resource.Body), resource.Body, Body.Trim())
            .With(nameof(Resource.Kind), resource.Kind.ToString(), Kind.ToString())
            .With(nameof(Resource.Audience), resource.Audience.ToString(), Audience.ToString())
            .With(nameof(Resource.Tags), resource.Tags, tags);
        resource.Title = Title.Trim();
        resource.Summary = Summary.Trim();
        resource.Body = Body.Trim();
        resource.Kind = Kind;
        resource.Audience = Audience;
        resource.Tags = tags is { Length: > Resource.TagsLength } ? tags[..Resource.TagsLength] : tags;
        return changes;
    }
}
