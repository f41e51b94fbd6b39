using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Features.Directory;
using RigDirectory.Web.Features.Directory.Rigs;
using RigDirectory.Web.Infrastructure;

namespace RigDirectory.Web.Features.Directory.Api;

/// <summary>
/// Open data: the public fields of the directory as JSON, described at <c>/api/openapi.json</c>. Codes are the ones
/// pages and the CSV use (<c>US</c>/<c>CA</c>, <c>MD</c>/<c>DO</c>); pages link to the next and previous page.
/// </summary>
[AllowAnonymous]
[ApiController]
[Route("api")]
public sealed class DirectoryApiController(AppDbContext db, DirectorySnapshot directory, PublicUrls urls) : ControllerBase
{
    public const int MaxPageSize = 500;

    /// <summary>Approved RIGs matching the filters, a page at a time (20 unless <c>pageSize</c> says up to 500).</summary>
    [HttpGet("rigs")]
    [OutputCache(PolicyName = DirectoryCache.SearchPolicy, Tags = [DirectoryCache.ListTag, DirectoryCache.AnyRowTag])]
    [ProducesResponseType<RigPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<RigPage>> Rigs([FromQuery] RigSearchInput input, [FromQuery, Range(1, MaxPageSize, ErrorMessage = "Ask for 1 to 500 RIGs a page.")] int pageSize = RigSearchInput.PageSize)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (total, page) = RigSearchQuery.Apply(await directory.GetAsync(), input, (input.Page - 1) * pageSize, pageSize);
        string? Link(int to) => to < 1 || (to - 1) * pageSize >= total
            ? null
            : urls.Absolute(input.Url("/api/rigs", page: to) is var path && pageSize != RigSearchInput.PageSize
                ? path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "pageSize=" + pageSize.ToString(CultureInfo.InvariantCulture)
                : path);
        return new RigPage(input.Page, pageSize, total, page.Select(PublicRig.From).ToList(), Link(input.Page + 1), Link(input.Page - 1));
    }

    /// <summary>Every region with its counts of RIGs and schools.</summary>
    [HttpGet("regions")]
    [ProducesResponseType<IReadOnlyList<RegionSummary>>(StatusCodes.Status200OK)]
    [OutputCache(PolicyName = DirectoryCache.Policy, Tags = [DirectoryCache.HomeTag])]
    public async Task<IReadOnlyList<RegionSummary>> Regions(CancellationToken cancellationToken)
    {
        var regions = await DirectoryQueries.RegionOverviewsAsync(db, cancellationToken);
        return regions.Select(r => new RegionSummary(r.Slug, r.Name, r.Country.ToString(), $"/regions/{r.Slug}", r.Rigs, r.Schools, r.SchoolsWithoutRig,
            r.JurisdictionCodes)).ToList();
    }
}

/// <summary>One page of RIGs; <see cref="Next"/> and <see cref="Previous"/> are absolute addresses, or null at either end.</summary>
public sealed record RigPage(int Page, int PageSize, int Total, IReadOnlyList<PublicRig> Items, string? Next, string? Previous);

public sealed record RegionSummary(string Slug, string Name, string Country, string Url, int Rigs, int Schools, int SchoolsWithoutRig, IReadOnlyList<string> StatesAndProvinces);
