using RigDirectory.Web.Features.ClaimReviews;
using RigDirectory.Web.Features.Users;

namespace RigDirectory.Web.Features.Reviews;

public static class ReviewServices
{
    /// <summary>The queries of the review desk (registrations, claims) and of the users console.</summary>
    public static IServiceCollection AddReviews(this IServiceCollection services) => services
        .AddScoped<ReviewQueries>()
        .AddScoped<ClaimQueries>()
        .AddScoped<UserQueries>();
}
