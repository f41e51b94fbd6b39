using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.AdminRegions;

/// <summary>Regions are data: curators rename them, describe them and keep their contacts current.</summary>
[Authorize(Policy = Policies.Administer)]
[Route("admin/regions")]
public sealed class AdminRegionsController(AppDbContext db, DirectoryCache directoryCache, TimeProvider clock) : Controller
{
    private const string EditView = "~/Features/AdminRegions/Edit.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("~/Features/AdminRegions/Index.cshtml", await db.Regions.AsNoTracking().OrderBy(r => r.SortOrder)
            .Select(r => new RegionRow(r.Slug, r.Name, r.Jurisdictions.Count, r.Contacts.Count))
            .ToListAsync(cancellationToken));

    [HttpGet("{slug}")]
    public async Task<IActionResult> Edit(string slug, CancellationToken cancellationToken)
    {
        var page = await PageAsync(slug, null, null, cancellationToken);
        return page is null ? NotFound() : View(EditView, page);
    }

    [HttpPost("{slug}")]
    public async Task<IActionResult> Save(string slug, [Bind(Prefix = "Region")] RegionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var region = await db.Regions.SingleOrDefaultAsync(r => r.Slug == slug, cancellationToken);
        if (region is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(EditView, await PageAsync(slug, input, null, cancellationToken));
        }

        var before = new { region.Name, region.Description };
        region.Name = input.Name.Trim();
        region.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        Audit(region, "RegionEdited", System.Text.Json.JsonSerializer.Serialize(new { before, after = new { region.Name, region.Description } }));
        await db.SaveChangesAsync(cancellationToken);
        await directoryCache.EvictAsync(cancellationToken);
        TempData["StatusMessage"] = $"{region.Name} is saved.";
        return Redirect($"/admin/regions/{slug}");
    }

    [HttpPost("{slug}/contacts")]
    public async Task<IActionResult> AddContact(string slug, [Bind(Prefix = "Contact")] ContactInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var region = await db.Regions.Include(r => r.Contacts).SingleOrDefaultAsync(r => r.Slug == slug, cancellationToken);
        if (region is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(EditView, await PageAsync(slug, null, input, cancellationToken));
        }

        region.Contacts.Add(new RegionalContact { Name = input.Name.Trim(), Role = input.Role.Trim(), Email = input.Email.Trim(), SortOrder = region.Contacts.Count });
        Audit(region, "RegionalContactAdded", $"{input.Name.Trim()} <{input.Email.Trim()}>");
        await db.SaveChangesAsync(cancellationToken);
        await directoryCache.EvictAsync(cancellationToken);
        TempData["StatusMessage"] = $"{input.Name.Trim()} was added to {region.Name}.";
        return Redirect($"/admin/regions/{slug}");
    }

    [HttpPost("{slug}/contacts/{contactId:int}/remove")]
    public async Task<IActionResult> RemoveContact(string slug, int contactId, CancellationToken cancellationToken)
    {
        var contact = await db.RegionalContacts.Include(c => c.Region).SingleOrDefaultAsync(c => c.Id == contactId && c.Region!.Slug == slug, cancellationToken);
        if (contact is null)
        {
            return NotFound();
        }

        db.RegionalContacts.Remove(contact);
        Audit(contact.Region!, "RegionalContactRemoved", $"{contact.Name} <{contact.Email}>");
        await db.SaveChangesAsync(cancellationToken);
        await directoryCache.EvictAsync(cancellationToken);
        TempData["StatusMessage"] = $"{contact.Name} was removed.";
        return Redirect($"/admin/regions/{slug}");
    }

    private async Task<RegionEditViewModel?> PageAsync(string slug, RegionInput? region, ContactInput? contact, CancellationToken cancellationToken)
    {
        var data = await db.Regions.AsNoTracking().Where(r => r.Slug == slug)
            .Select(r => new
            {
                r.Slug,
                r.Name,
                r.Description,
                States = r.Jurisdictions.OrderBy(j => j.Name).Select(j => j.Name).ToList(),
                Contacts = r.Contacts.OrderBy(c => c.SortOrder).Select(c => new ContactRow(c.Id, c.Name, c.Role, c.Email)).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return data is null ? null : new RegionEditViewModel(data.Slug, data.Name, data.States, data.Contacts,
            region ?? new RegionInput { Name = data.Name, Description = data.Description }, contact ?? new ContactInput());
    }

    private void Audit(Region region, string action, string note) =>
        db.AuditEntries.Add(new AuditEntry
        {
            EntityType = nameof(Region),
            EntityId = region.Id.ToString(CultureInfo.InvariantCulture),
            Action = action,
            UserId = User.FindFirstValue(ClaimTypes.NameIdentifier),
            UserDisplayName = User.Identity?.Name,
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            Note = note,
        });
}

public sealed class RegionInput
{
    [Required, StringLength(Limits.Name, MinimumLength = 2)]
    public string Name { get; set; } = "";

    [StringLength(Limits.LongText)]
    public string? Description { get; set; }
}

public sealed class ContactInput
{
    [Required, StringLength(Limits.Name, MinimumLength = 2)]
    public string Name { get; set; } = "";

    [Required, StringLength(Limits.Name, MinimumLength = 2)]
    [Display(Name = "Role")]
    public string Role { get; set; } = "Regional representative";

    [Required, ValidEmail, StringLength(EmailAddressRules.MaxLength)]
    public string Email { get; set; } = "";
}

public sealed record RegionRow(string Slug, string Name, int States, int Contacts);

public sealed record ContactRow(int Id, string Name, string Role, string Email);

public sealed record RegionEditViewModel(string Slug, string Name, IReadOnlyList<string> States, IReadOnlyList<ContactRow> Contacts, RegionInput Region, ContactInput Contact);
