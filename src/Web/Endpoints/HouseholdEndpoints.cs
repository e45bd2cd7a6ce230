using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Cases;
using CaseManager.Application.Households;
using CaseManager.Application.Households.AddHouseholdMember;
using CaseManager.Application.Households.EndHouseholdMembership;
using CaseManager.Application.Households.GetHousehold;
using CaseManager.Application.Households.GetHouseholdMember;
using CaseManager.Application.Households.GetHouseholdTimeline;
using CaseManager.Application.Households.ListPersonHouseholds;
using CaseManager.Application.Households.NameLeadProfessional;
using CaseManager.Application.Households.RecordHousehold;
using CaseManager.Application.People.GetTimeline;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Households;
using CaseManager.Domain.People;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CaseManager.Web.Endpoints;

/// <summary>Households and their dated membership (API.md "Households and families", DOMAIN.md FAM1–FAM2).</summary>
public static class HouseholdEndpoints
{
    public static void MapHouseholdEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/households").WithTags("Households").WithStandardProblems();

        group.MapPost("/", async Task<Created<HouseholdView>> (RecordHouseholdCommand command, ISender sender, CancellationToken ct) =>
            {
                var household = await sender.Send(command, ct);
                return TypedResults.Created($"/api/v1/households/{household.Id}", household);
            })
            .WithIdempotency<HouseholdView>((_, household) => $"/api/v1/households/{household.Id}")
            .RequireAuthorization(Policies.WriteCaseData)
            .WithSummary("Record a household, owned by the caller's agency");

        group.MapGet("/{id:guid}", async Task<Ok<HouseholdView>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetHouseholdQuery(new HouseholdId(id)), ct)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("A household with the members (and family cases) the caller may see; 404 if it may see none of it")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/timeline", async Task<Ok<Paged<TimelineEntry>>> (Guid id, Guid? personId, string? agency, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetHouseholdTimelineQuery(
                    new HouseholdId(id), personId is { } member ? new PersonId(member) : null, agency, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("Every record the caller may see of any member, from the days they were a member, and the family cases' own events, newest first")
            .WithDescription("Items have the person timeline's shape plus personId (null for a family case's own events and records about the family); "
                + "each shared item says why it is shown (access). Members the caller may not see are left out with their records and not counted. "
                + "Filters: personId (one member) and agency (the owning agency's code).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/members", async Task<Created<HouseholdMemberView>> (Guid id, AddMemberRequest body, ISender sender, CancellationToken ct) =>
            {
                var member = await sender.Send(new AddHouseholdMemberCommand(new HouseholdId(id), new PersonId(body.PersonId ?? Guid.Empty), body.Relationship, body.From, body.To), ct);
                return TypedResults.Created($"/api/v1/households/{id}/members/{member.MemberId}", member);
            })
            .WithIdempotency<HouseholdMemberView>((http, member) => $"/api/v1/households/{http.GetRouteValue("id")}/members/{member.MemberId}")
            .RequireAuthorization(Policies.WriteCaseData)
            .WithSummary("Add a person to the household for the days given")
            .WithDescription("Answers 409 with code household.already-member when the person is a member of this household on any of those days.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{id:guid}/members/{memberId:guid}", async Task<Ok<HouseholdMemberView>> (Guid id, Guid memberId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetHouseholdMemberQuery(new HouseholdId(id), memberId), ct)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("One membership of the household, when the caller may see the household and the member's person record (404 otherwise)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/members/{memberId:guid}/end", async Task<Ok<HouseholdMemberView>> (Guid id, Guid memberId, EndMemberRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new EndHouseholdMembershipCommand(new HouseholdId(id), memberId, body.To), ct)))
            .RequireAuthorization(Policies.WriteCaseData)
            .WithSummary("Record the last day of a membership")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        app.MapPut("/api/v1/cases/{id:guid}/lead-professional", async Task<Ok<CaseView>> (Guid id, LeadProfessionalRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new NameLeadProfessionalCommand(new CaseId(id), body.UserId, body.Version), ct)))
            .RequireAuthorization(Policies.WriteCaseData)
            .WithTags("Cases")
            .WithSummary("Name a family case's lead professional (owning agency; send the version you read)")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        app.MapGet("/api/v1/people/{id:guid}/households", async Task<Ok<Paged<PersonHouseholdItem>>> (Guid id, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListPersonHouseholdsQuery(new PersonId(id), page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithTags("Households")
            .WithSummary("The households a person was ever a member of, newest membership first")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}

public sealed record AddMemberRequest(Guid? PersonId, Relationship? Relationship, DateOnly? From, DateOnly? To);

public sealed record EndMemberRequest(DateOnly? To);

public sealed record LeadProfessionalRequest(Guid? UserId, int? Version);
