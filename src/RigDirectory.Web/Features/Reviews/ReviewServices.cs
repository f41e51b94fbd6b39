namespace RigDirectory.Web.Features.Reviews;

public static class ReviewServices
{
    /// <summary>The review desk's queries; its decisions belong to the RIG lifecycle.</summary>
    public static IServiceCollection AddReviews(this IServiceCollection services) => services.AddScoped<ReviewQueries>();
}
