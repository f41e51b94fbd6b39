using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;
using RigDirectory.Web.Features.Registration;
using RigDirectory.Web.Infrastructure.Holes;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Directory.Home;

public sealed class HomeController(AppDbContext db, MapGeometry geometry, IAuthorizationService authorization) : Controller
{
    [AllowAnonymous]
    [HttpGet("/")]
    [OutputCache(PolicyName = DirectoryCache.Policy, Tags = [DirectoryCache.HomeTag])]
    [SharedForSignedIn]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var regions = await DirectoryQueries.RegionOverviewsAsync(db, cancellationToken);
        var schools = (await db.Schools.AsNoTracking().Listed()
                .Select(s => new { s.Slug, s.Name, s.Campus, s.City, s.Jurisdiction!.PostalCode, s.Latitude, s.Longitude, HasRig = s.Rigs.AsQueryable().Any(RigVisibility.IsPublic), BeingRegistered = s.Rigs.AsQueryable().Any(RegistrationWorkflow.IsBeingRegistered) })
                .ToListAsync(cancellationToken))
            .Select(s => new MapSchool(s.Slug, DirectoryQueries.SchoolLabel(s.Name, s.Campus, s.City, s.PostalCode), s.Latitude, s.Longitude, s.HasRig, s.BeingRegistered))
            .ToList();
        var map = MapBuilder.Build(geometry, regions.ToMapJurisdictions(), schools, "Map of RIGs by region in the United States and Canada");
        return View(new HomeViewModel(regions, map));
    }

    [AllowAnonymous]
    [HttpGet("/about")]
    public IActionResult About() => View();

    /// <summary>Where sign-in lands when no page was asked for: each role starts where its work is.</summary>
    [HttpGet("/landing")]
    public async Task<IActionResult> Landing()
    {
        // Not Administer: an admin still without a second factor goes to /admin to be asked for one.
        if (await authorization.AllowsAsync(User, Policies.StaffAccount))
        {
            return RedirectToAction(nameof(Administration.Admin.AdminController.Index), "Admin");
        }

        if (await authorization.AllowsAsync(User, Policies.LeadRig))
        {
            return this.ToMyRigs();
        }

        return RedirectToAction(nameof(Index));
    }

    /// <summary>Re-executed for failed requests of any method, so it must not demand an antiforgery token.</summary>
    [AllowAnonymous]
    [IgnoreAntiforgeryToken]
    [Route("/error/{statusCode:int?}")]
    [ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
    public IActionResult Error()
    {
        // No parameters: binding one would make MVC read the failed request's form, which may be what failed.
        var code = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode
            ?? (HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null ? StatusCodes.Status500InternalServerError
            : int.TryParse(RouteData.Values["statusCode"]?.ToString(), CultureInfo.InvariantCulture, out var visited) ? visited
            : StatusCodes.Status404NotFound);

        Response.StatusCode = code;
        return View(new ErrorViewModel(code, HttpContext.TraceIdentifier, HttpContext.Items[MailRefusedException.ItemKey] as string));
    }
}

public sealed record HomeViewModel(IReadOnlyList<RegionOverview> Regions, MapViewModel Map)
{
    public int Rigs => Regions.Sum(r => r.Rigs);
    public int Schools => Regions.Sum(r => r.Schools);
    public int SchoolsWithoutRig => Regions.Sum(r => r.SchoolsWithoutRig);
}

/// <param name="Reason">Why a request was refused, when the app said (an email over its limits).</param>
public sealed record ErrorViewModel(int StatusCode, string TraceId, string? Reason = null)
{
    public bool IsNotFound => StatusCode == StatusCodes.Status404NotFound;
}
