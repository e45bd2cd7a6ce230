using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Notifications.ListNotifications;
using CaseManager.Application.Notifications.MarkNotificationRead;
using CaseManager.Application.Reviews.CompleteReview;
using CaseManager.Application.Reviews.ListReviews;
using CaseManager.Domain.Reviews;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CaseManager.Web.Endpoints;

/// <summary>Reviews (their states and completion) and the caller's own notifications.</summary>
public static class ReviewEndpoints
{
    public static void MapReviewEndpoints(this IEndpointRouteBuilder app)
    {
        var reviews = app.MapGroup("/api/v1/reviews").WithTags("Reviews").WithStandardProblems();

        reviews.MapGet("/", async Task<Ok<Paged<ReviewListItem>>> (bool? allocatedToMe, ReviewState? state, string? ownerAgency, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListReviewsQuery(allocatedToMe ?? false, state?.ToString(), ownerAgency, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("Open reviews the caller may see, soonest due first: filter by allocatedToMe, state (Upcoming, Due, Overdue) and ownerAgency");

        reviews.MapPost("/{id:guid}/complete", async Task<Ok<CompletedReview>> (Guid id, CompleteReviewRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CompleteReviewCommand(new ReviewId(id), body.CompletedOn, body.Summary), ct)))
            .RequireAuthorization(Policies.WriteCaseData)
            .WithSummary("Record that a review took place; the next one is scheduled one interval after completedOn")
            .WithDescription("Only workers of the owning agency (403 otherwise). 409 case.already-exited on an exited case, review.closed when already completed.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var notifications = app.MapGroup("/api/v1/notifications").WithTags("Notifications").WithStandardProblems().RequireAuthorization();

        notifications.MapGet("/", async Task<Ok<Paged<NotificationItem>>> (bool? unread, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListNotificationsQuery(unread ?? false, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithSummary("The caller's own notifications, newest first (unread=true for unread only)");

        notifications.MapPost("/{id:guid}/read", async Task<NoContent> (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new MarkNotificationReadCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Mark one of the caller's notifications read (404 for anyone else's)")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}

public sealed record CompleteReviewRequest(DateOnly? CompletedOn, string? Summary);
