using CaseManager.Application.Common.Security;
using CaseManager.Application.Families;
using CaseManager.Application.Families.AddPlanAction;
using CaseManager.Application.Families.CompletePlanAction;
using CaseManager.Application.Families.GetPlan;
using CaseManager.Application.Families.ListAssessments;
using CaseManager.Application.Families.RecordAssessment;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Families;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CaseManager.Web.Endpoints;

/// <summary>
/// A family case's whole-family assessment and its one plan (API.md "Households and families", DOMAIN.md FAM1). Both
/// are read as the family case is read, through the access rule; the case's owning agency or its lead professional
/// keeps them, and the agency whose action it is completes it.
/// </summary>
public static class FamilyEndpoints
{
    public static void MapFamilyEndpoints(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/v1/cases/{id:guid}").WithTags("Family assessment and plan").WithStandardProblems()
            .ProducesProblem(StatusCodes.Status404NotFound);

        cases.MapPost("/assessments", async Task<Created<FamilyAssessmentView>> (Guid id, RecordAssessmentRequest body, ISender sender, CancellationToken ct) =>
            {
                var assessment = await sender.Send(new RecordAssessmentCommand(new CaseId(id), body.CompletedOn, body.Summary, body.Needs, body.Strengths), ct);
                return TypedResults.Created(AssessmentsLocation(id), assessment);
            })
            .WithIdempotency<FamilyAssessmentView>((http, _) => AssessmentsLocation(http.GetRouteValue("id")))
            .RequireAuthorization(Policies.WriteCaseData)
            .WithSummary("Record the whole-family assessment of a family case: needs per member and for the family, strengths and a summary")
            .WithDescription("The case's owning agency or its lead professional records it (403 otherwise). An unknown need area is 400 and nothing is recorded. "
                + "A need's personId must be a member of the household on completedOn. 409 family.not-family-case on a person's case, case.exited, "
                + "assessment.before-start, assessment.not-member.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        cases.MapGet("/assessments", async Task<Ok<IReadOnlyList<FamilyAssessmentView>>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListAssessmentsQuery(new CaseId(id)), ct)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("A family case's assessments, most recent first, with the needs the caller may see")
            .WithDescription("Read as the family case is read (404 otherwise). Each need is a record in its area's data category; a need the caller may not read, "
                + "or about a member it may not see, is left out without a trace. 409 family.not-family-case on a person's case.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        cases.MapPost("/plan/actions", async Task<Created<PlanActionView>> (Guid id, AddPlanActionRequest body, ISender sender, CancellationToken ct) =>
            {
                var action = await sender.Send(new AddPlanActionCommand(new CaseId(id), body.Description, body.OwnerAgency, body.DueOn, body.Need, body.ForPersonId, body.AssignedTo), ct);
                return TypedResults.Created(PlanLocation(id), action);
            })
            .WithIdempotency<PlanActionView>((http, _) => PlanLocation(http.GetRouteValue("id")))
            .RequireAuthorization(Policies.WriteCaseData)
            .WithSummary("Add an action to a family case's plan: for a member or the family, owned by an agency, due on a day")
            .WithDescription("The case's owning agency or its lead professional adds actions (403 otherwise). dueOn before the case started is 400; "
                + "assignedTo must be an active caseworker or manager of ownerAgency. Each action is its own record, so actions added at once are all kept. "
                + "409 family.not-family-case, case.exited, plan.not-member.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        cases.MapPost("/plan/actions/{actionId:guid}/complete", async Task<Ok<PlanActionView>> (Guid id, Guid actionId, CompletePlanActionRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CompletePlanActionCommand(new CaseId(id), new FamilyPlanActionId(actionId), body.CompletedOn, body.Note, body.Version), ct)))
            .RequireAuthorization(Policies.WriteCaseData)
            .WithSummary("Mark a plan action done: by the agency whose action it is, or whoever keeps the plan")
            .WithDescription("Send the version you read to be told of a concurrent change (409 concurrency.stale). An action is done once: "
                + "409 plan.action-done, plan.completed-before-start, case.exited; 409 concurrency.conflict when another completion won.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        cases.MapGet("/plan", async Task<Ok<FamilyPlanView>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetPlanQuery(new CaseId(id)), ct)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("A family case's plan: its actions with status Open, Overdue or Done, and whether the caller may complete each")
            .WithDescription("Read as the family case is read (404 otherwise); an action for a member the caller may not see is left out without a trace. "
                + "409 family.not-family-case on a person's case.")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static string AssessmentsLocation(object? caseId) => $"/api/v1/cases/{caseId}/assessments";

    private static string PlanLocation(object? caseId) => $"/api/v1/cases/{caseId}/plan";
}

public sealed record RecordAssessmentRequest(DateOnly? CompletedOn, string? Summary, IReadOnlyList<AssessmentNeedInput>? Needs, string? Strengths);

public sealed record AddPlanActionRequest(string? Description, NeedArea? Need, Guid? ForPersonId, string? OwnerAgency, Guid? AssignedTo, DateOnly? DueOn);

public sealed record CompletePlanActionRequest(DateOnly? CompletedOn, string? Note, int? Version);
