using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Kernel;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Administration.AdminRegions;

/// <summary>Regions are data: curators rename them, describe them and keep their contacts current.</summary>
[Authorize(Policy = Policies.Administer)]
[Route("admin/regions")]
public sealed class AdminRegionsController(AppDbContext db, RegionCuration curation) : Controller
{
    private const string EditView = "~/Features/Administration/AdminRegions/Edit.cshtml";

    [HttpGet("")]
    public Task<IActionResult> Index(CancellationToken cancellationToken) => IndexAsync(new NewRegionInput(), cancellationToken);

    [HttpPost("")]
    public async Task<IActionResult> Create([Bind(Prefix = "NewRegion")] NewRegionInput input, CancellationToken cancellationToken)
    {
        var result = ModelState.IsValid ? await curation.CreateAsync(input, cancellationToken) : LifecycleResult.Invalid([]);
        if (result.Succeeded)
        {
            return this.Done(result, RedirectToAction(nameof(Index)));
        }

        this.Failure(result);
        return await IndexAsync(input, cancellationToken);
    }

    [HttpPost("{slug}/states")]
    public async Task<IActionResult> MoveState(string slug, [FromForm, StringLength(5)] string? code, CancellationToken cancellationToken) =>
        Translate(slug, await curation.MoveStateAsync(slug, code, cancellationToken));

    [HttpPost("{slug}/retire")]
    public async Task<IActionResult> Retire(string slug, CancellationToken cancellationToken)
    {
        var result = await curation.RetireAsync(slug, cancellationToken);
        return result.Succeeded ? this.Done(result, RedirectToAction(nameof(Index))) : Translate(slug, result);
    }

    private IActionResult Translate(string slug, LifecycleResult result) => this.Back(result, RedirectToAction(nameof(Edit), new { slug }));

    private async Task<IActionResult> IndexAsync(NewRegionInput input, CancellationToken cancellationToken)
    {
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.RetiredAt != null).ThenBy(r => r.SortOrder)
            .Select(r => new RegionRow(r.Slug, r.Name, r.Jurisdictions.Count, r.Contacts.Count, r.RetiredAt != null))
            .ToListAsync(cancellationToken);
        return View("~/Features/Administration/AdminRegions/Index.cshtml", new RegionListViewModel(regions, input));
    }

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
        if (!ModelState.IsValid)
        {
            var page = await PageAsync(slug, input, null, cancellationToken);
            return page is null ? NotFound() : InvalidForm(page);
        }

        return Translate(slug, await curation.EditAsync(slug, input.Name, input.Description, cancellationToken));
    }

    [HttpPost("{slug}/contacts")]
    public async Task<IActionResult> AddContact(string slug, [Bind(Prefix = "Contact")] ContactInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!ModelState.IsValid)
        {
            var page = await PageAsync(slug, null, input, cancellationToken);
            return page is null ? NotFound() : InvalidForm(page);
        }

        return Translate(slug, await curation.AddContactAsync(slug, input.Name, input.Role, input.Email, cancellationToken));
    }

    [HttpPost("{slug}/contacts/{contactId:int}/remove")]
    public async Task<IActionResult> RemoveContact(string slug, int contactId, CancellationToken cancellationToken) =>
        Translate(slug, await curation.RemoveContactAsync(slug, contactId, cancellationToken));

    private ViewResult InvalidForm(RegionEditViewModel page)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(EditView, page);
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
                r.RetiredAt,
                Contacts = r.Contacts.OrderBy(c => c.SortOrder).Select(c => new ContactRow(c.Id, c.Name, c.Role, c.Email)).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        var others = await db.Jurisdictions.AsNoTracking().Where(j => j.Region!.Slug != slug).OrderBy(j => j.Name)
            .Select(j => new StateChoice(j.Code, j.Name, j.Region!.Name)).ToListAsync(cancellationToken);
        return data is null ? null : new RegionEditViewModel(data.Slug, data.Name, data.States, data.Contacts,
            region ?? new RegionInput { Name = data.Name, Description = data.Description }, contact ?? new ContactInput(), others, data.RetiredAt is not null);
    }
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

public sealed record RegionRow(string Slug, string Name, int States, int Contacts, bool Retired);

public sealed record RegionListViewModel(IReadOnlyList<RegionRow> Regions, NewRegionInput NewRegion);

public sealed record StateChoice(string Code, string Name, string Region);

public sealed record ContactRow(int Id, string Name, string Role, string Email);

public sealed record RegionEditViewModel(string Slug, string Name, IReadOnlyList<string> States, IReadOnlyList<ContactRow> Contacts, RegionInput Region, ContactInput Contact, IReadOnlyList<StateChoice> OtherStates, bool Retired);
