using CaseManager.Application.Users.GetMySummary;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CaseManager.Web.Endpoints;

/// <summary>The caller's own day: <c>GET /api/v1/me/summary</c>, the same numbers as the home page.</summary>
public static class MeEndpoints
{
    public static void MapMeEndpoints(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/v1/me").WithTags("Me").WithStandardProblems().RequireAuthorization();

        me.MapGet("/summary", async Task<Ok<MySummary>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetMySummaryQuery(), ct)))
            .WithSummary("What the caller has to do today: caseload, reviews due and overdue, exit nominations waiting, unread notifications");
    }
}
