using RigDirectory.Web.Features.Registration.ClaimReviews;

namespace RigDirectory.Web.Features.Registration.Reviews;

public static class ReviewServices
{
    /// <summary>The queries of the review desk (registrations, claims).</summary>
    public static IServiceCollection AddReviews(this IServiceCollection services) => services
        .AddScoped<ReviewQueries>()
        .AddScoped<ClaimQueries>();
}
