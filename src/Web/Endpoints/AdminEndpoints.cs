using CaseManager.Application.Agencies.CreateAgency;
using CaseManager.Application.Agencies.GetAgency;
using CaseManager.Application.Agencies.ListAgencies;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Jobs;
using CaseManager.Application.Jobs.ListRecurringJobs;
using CaseManager.Application.Jobs.TriggerRecurringJob;
using CaseManager.Application.Users;
using CaseManager.Application.Users.ChangeUser;
using CaseManager.Application.Users.CreateUser;
using CaseManager.Application.Users.DisableUser;
using CaseManager.Application.Users.GetUser;
using CaseManager.Application.Users.ListUsers;
using CaseManager.Domain.Users;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CaseManager.Web.Endpoints;

public static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin")
            .WithTags("Administration")
            .RequireAuthorization(Policies.Administer)
            .WithStandardProblems();

        group.MapPost("/agencies", async Task<Created<AgencyListItem>> (CreateAgencyCommand command, ISender sender, CancellationToken ct) =>
            {
                var agency = await sender.Send(command, ct);
                return TypedResults.Created($"/api/v1/admin/agencies/{agency.Code}", agency);
            })
            .WithIdempotency<AgencyListItem>((_, agency) => $"/api/v1/admin/agencies/{agency.Code}")
            .WithSummary("Add an agency to the partnership, with the schemes it takes part in")
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/agencies", async Task<Ok<IReadOnlyList<AgencyListItem>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListAgenciesQuery(), ct)))
            .WithSummary("The partnership's agencies");

        group.MapGet("/agencies/{code}", async Task<Ok<AgencyListItem>> (string code, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetAgencyQuery(code), ct)))
            .WithSummary("One agency and its schemes")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/users/{id:guid}", async Task<Ok<UserAccount>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetUserQuery(id), ct)))
            .WithSummary("One user")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/users", async Task<Created<UserAccount>> (CreateUserCommand command, ISender sender, CancellationToken ct) =>
            {
                var user = await sender.Send(command, ct);
                return TypedResults.Created($"/api/v1/admin/users/{user.Id}", user);
            })
            .WithIdempotency<UserAccount>((_, user) => $"/api/v1/admin/users/{user.Id}")
            .WithSummary("Create a user in an agency; without initialPassword the user is emailed a link to set one")
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/users", async Task<Ok<Paged<UserAccount>>> (string? search, string? agencyCode, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListUsersQuery(search, agencyCode, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithSummary("Users, filtered by text and agency");

        group.MapPut("/users/{id:guid}", async Task<Ok<UserAccount>> (Guid id, ChangeUserRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ChangeUserCommand(id, body.AgencyCode!, body.Roles!), ct)))
            .WithSummary("Change a user's agency and roles: their sessions and tokens stop working at once, and they sign in again under the new ones")
            .WithDescription("The roles given replace the user's roles. 409 user.disabled for a disabled account; 409 user.cannot-remove-own-administrator when an administrator takes the role from themselves.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/users/{id:guid}/disable", async Task<NoContent> (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DisableUserCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Disable a user: they cannot sign in, and their sessions and tokens stop working at once")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/jobs", async Task<Ok<IReadOnlyList<RecurringJobSummary>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListRecurringJobsQuery(), ct)))
            .WithSummary("The recurring background jobs and when they last and next run");

        group.MapPost("/jobs/{jobId}/trigger", async Task<Accepted> (string jobId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new TriggerRecurringJobCommand(jobId), ct);
                return TypedResults.Accepted((string?)null);
            })
            .WithIdempotentAccept()
            .WithSummary("Run a recurring job now")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}

/// <summary>A user's new agency and the whole set of their roles.</summary>
public sealed record ChangeUserRequest(string? AgencyCode, IReadOnlyList<Role>? Roles);
