using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Features.Directory;
using RigDirectory.Web.Features.Rigs;

namespace RigDirectory.Web.Features.Api;

/// <summary>Open data: the public fields of the directory as JSON.</summary>
[AllowAnonymous]
[ApiController]
[Route("api")]
public sealed class DirectoryApiController(AppDbContext db, DirectorySnapshot directory) : ControllerBase
{
    [HttpGet("rigs")]
    [OutputCache(PolicyName = DirectoryCache.SearchPolicy, Tags = [DirectoryCache.ListTag, DirectoryCache.AnyRowTag])]
    public async Task<ActionResult<RigPage>> Rigs([FromQuery] RigSearchInput input)
    {
        var (total, page) = RigSearchQuery.Apply(await directory.GetAsync(), input, (input.Page - 1) * RigSearchInput.PageSize, RigSearchInput.PageSize);
        return new RigPage(input.Page, RigSearchInput.PageSize, total, page.Select(PublicRig.From).ToList());
    }

    [HttpGet("regions")]
    [OutputCache(PolicyName = DirectoryCache.Policy, Tags = [DirectoryCache.HomeTag])]
    public async Task<IReadOnlyList<RegionSummary>> Regions(CancellationToken cancellationToken)
    {
        var regions = await DirectoryQueries.RegionOverviewsAsync(db, cancellationToken);
        return regions.Select(r => new RegionSummary(r.Slug, r.Name, r.Country.ToString(), $"/regions/{r.Slug}", r.Rigs, r.Schools, r.SchoolsWithoutRig,
            r.JurisdictionCodes)).ToList();
    }
}

public sealed record RigPage(int Page, int PageSize, int Total, IReadOnlyList<PublicRig> Items);

public sealed record RegionSummary(string Slug, string Name, string Country, string Url, int Rigs, int Schools, int SchoolsWithoutRig, IReadOnlyList<string> StatesAndProvinces);
