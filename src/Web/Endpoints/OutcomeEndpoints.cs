using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Outcomes;
using CaseManager.Application.Outcomes.EndEmployment;
using CaseManager.Application.Outcomes.GetAsbRecord;
using CaseManager.Application.Outcomes.GetEducationRecord;
using CaseManager.Application.Outcomes.GetEmploymentRecord;
using CaseManager.Application.Outcomes.GetLocalCriterion;
using CaseManager.Application.Outcomes.ListAsb;
using CaseManager.Application.Outcomes.ListEducation;
using CaseManager.Application.Outcomes.ListEmployment;
using CaseManager.Application.Outcomes.ListLocalCriteria;
using CaseManager.Application.Outcomes.RecordAsb;
using CaseManager.Application.Outcomes.RecordEducation;
using CaseManager.Application.Outcomes.RecordEmployment;
using CaseManager.Application.Outcomes.RecordLocalCriterion;
using CaseManager.Application.TroubledFamilies;
using CaseManager.Application.TroubledFamilies.ExportTroubledFamilies;
using CaseManager.Application.TroubledFamilies.GetEligibility;
using CaseManager.Application.TroubledFamilies.ListResults;
using CaseManager.Application.TroubledFamilies.ListTroubledFamilies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using CaseManager.Web.Export;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CaseManager.Web.Endpoints;

/// <summary>
/// Outcome records that Troubled Families eligibility and results are worked from (API.md "Outcome records"): ASB,
/// education and employment on a person, local criteria on a family case. Each is read through the access rule.
/// </summary>
public static class OutcomeEndpoints
{
    public static void MapOutcomeEndpoints(this IEndpointRouteBuilder app)
    {
        var people = app.MapGroup("/api/v1/people/{id:guid}").WithTags("Outcome records").WithStandardProblems()
            .ProducesProblem(StatusCodes.Status404NotFound);

        people.MapPost("/asb", async Task<Created<AsbRecordView>> (Guid id, RecordAsbRequest body, ISender sender, CancellationToken ct) =>
            {
                var record = await sender.Send(new RecordAsbCommand(new PersonId(id), body.Kind, body.OccurredOn, body.Description), ct);
                return TypedResults.Created(PersonLocation(id, "asb", record.Id), record);
            })
            .WithIdempotency<AsbRecordView>((http, record) => PersonLocation(http.GetRouteValue("id"), "asb", record.Id))
            .RequireAuthorization(Policies.WriteCaseData)
            .WithSummary("Record anti-social behaviour or an action about it (Offending data, owned by the caller's agency)")
            .WithDescription("kind: Incident | Warning | AcceptableBehaviourContract | Injunction | CriminalBehaviourOrder | HousingIntervention | CommunityProtectionNotice.");

        people.MapGet("/asb", async Task<Ok<Paged<AsbRecordView>>> (Guid id, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListAsbQuery(new PersonId(id), page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("The person's ASB records that the caller may see, most recent first");

        people.MapGet("/asb/{recordId:guid}", async Task<Ok<AsbRecordView>> (Guid id, Guid recordId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetAsbRecordQuery(new PersonId(id), new AsbRecordId(recordId)), ct)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("One ASB record (404 unless the caller may see both the person and the record)");

        people.MapPost("/education", async Task<Created<EducationRecordView>> (Guid id, RecordEducationRequest body, ISender sender, CancellationToken ct) =>
            {
                var record = await sender.Send(new RecordEducationCommand(new PersonId(id), body.Kind, body.On, body.Term, body.Days, body.SessionsPossible, body.UnauthorisedAbsenceSessions), ct);
                return TypedResults.Created(PersonLocation(id, "education", record.Id), record);
            })
            .WithIdempotency<EducationRecordView>((http, record) => PersonLocation(http.GetRouteValue("id"), "education", record.Id))
            .RequireAuthorization(Policies.WriteCaseData)
            .WithSummary("Record an exclusion, alternative provision, not on roll, or a term's attendance (EducationEmploymentBenefits data)")
            .WithDescription("FixedTermExclusion takes on and days?; PermanentExclusion, AlternativeProvision and NotOnRoll take on; TermAttendance takes term (e.g. 2026-Autumn), sessionsPossible and unauthorisedAbsenceSessions. A field the kind does not take is a 400.");

        people.MapGet("/education", async Task<Ok<Paged<EducationRecordView>>> (Guid id, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListEducationQuery(new PersonId(id), page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("The person's education records that the caller may see, most recent first");

        people.MapGet("/education/{recordId:guid}", async Task<Ok<EducationRecordView>> (Guid id, Guid recordId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetEducationRecordQuery(new PersonId(id), new EducationRecordId(recordId)), ct)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("One education record (404 unless the caller may see both the person and the record)");

        people.MapPost("/employment", async Task<Created<EmploymentRecordView>> (Guid id, RecordEmploymentRequest body, ISender sender, CancellationToken ct) =>
            {
                var record = await sender.Send(new RecordEmploymentCommand(new PersonId(id), body.Kind, body.From, body.To, body.Detail, body.Benefit), ct);
                return TypedResults.Created(PersonLocation(id, "employment", record.Id), record);
            })
            .WithIdempotency<EmploymentRecordView>((http, record) => PersonLocation(http.GetRouteValue("id"), "employment", record.Id))
            .RequireAuthorization(Policies.WriteCaseData)
            .WithSummary("Record an out-of-work benefit spell, work, Work Programme or ESF provision (EducationEmploymentBenefits data)")
            .WithDescription("kind: OutOfWorkBenefit (with benefit?: Jsa | Esa | IncomeSupport | UniversalCredit | Other; Other when not given) | InWork | WorkProgramme | EsfProvision; from, to?, detail?.");

        people.MapPost("/employment/{recordId:guid}/end", async Task<Ok<EmploymentRecordView>> (Guid id, Guid recordId, EndEmploymentRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new EndEmploymentCommand(new PersonId(id), new EmploymentRecordId(recordId), body.To), ct)))
            .RequireAuthorization(Policies.WriteCaseData)
            .WithSummary("End a spell on its last day (the recording agency only; 409 employment.already-ended)")
            .ProducesProblem(StatusCodes.Status409Conflict);

        people.MapGet("/employment", async Task<Ok<Paged<EmploymentRecordView>>> (Guid id, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListEmploymentQuery(new PersonId(id), page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("The person's employment and benefit spells that the caller may see, latest start first");

        people.MapGet("/employment/{recordId:guid}", async Task<Ok<EmploymentRecordView>> (Guid id, Guid recordId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetEmploymentRecordQuery(new PersonId(id), new EmploymentRecordId(recordId)), ct)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("One employment or benefit spell (404 unless the caller may see both the person and the record)");

        var cases = app.MapGroup("/api/v1/cases/{id:guid}").WithTags("Outcome records").WithStandardProblems()
            .ProducesProblem(StatusCodes.Status404NotFound);

        cases.MapPost("/local-criteria", async Task<Created<LocalCriterionRecordView>> (Guid id, RecordLocalCriterionRequest body, ISender sender, CancellationToken ct) =>
            {
                var record = await sender.Send(new RecordLocalCriterionCommand(new CaseId(id), body.Criterion, body.Evidence,
                    body.PersonId is { } person ? new PersonId(person) : null, body.On), ct);
                return TypedResults.Created(CaseLocation(id, record.Id), record);
            })
            .WithIdempotency<LocalCriterionRecordView>((http, record) => CaseLocation(http.GetRouteValue("id"), record.Id))
            .RequireAuthorization(Policies.WriteCaseData)
            .WithSummary("Record that a family meets a local discretion criterion, with evidence (TF1 (d); criteria from TroubledFamilies:LocalCriteria)")
            .WithDescription("personId? must be a member of the household on the day (on, default today). The record's data category is the criterion's (docs/families.md). 409 local-criterion.not-family-case, local-criterion.not-member.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        cases.MapGet("/local-criteria", async Task<Ok<IReadOnlyList<LocalCriterionRecordView>>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListLocalCriteriaQuery(new CaseId(id)), ct)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("The local criteria on a family case that the caller may see, most recent first");

        cases.MapGet("/local-criteria/{recordId:guid}", async Task<Ok<LocalCriterionRecordView>> (Guid id, Guid recordId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetLocalCriterionQuery(new CaseId(id), new LocalCriterionRecordId(recordId)), ct)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("One local criterion record (404 unless the caller may see both the case and the record)");

        cases.MapGet("/eligibility", async Task<Ok<EligibilityView>> (Guid id, int? phase, DateOnly? asOf, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetEligibilityQuery(new CaseId(id), phase, asOf), ct)))
            .WithTags("Troubled Families")
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("A family case's Troubled Families eligibility in phase 1 (TF1) or 2 (TF4) as at a day, each criterion with its evidence and what is missing")
            .WithDescription("phase 1 (default) or 2; asOf defaults to today. Worked out only from records the caller may see, as basis says. 409 eligibility.not-family-case on a person's case.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        var programme = app.MapGroup("/api/v1/troubled-families").WithTags("Troubled Families").WithStandardProblems();
        programme.MapGet(string.Empty, async Task<Ok<TroubledFamiliesPage>> (int? phase, DateOnly? asOf, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListTroubledFamiliesQuery(phase, asOf, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("Families attached to Troubled Families with their eligibility as at a day, then households that look eligible but are not attached")
            .WithDescription("Paged; attached families first. Worked out only from records the caller may see, as basis says.");
        programme.MapGet("/export", async Task<IResult> (int? phase, DateOnly? asOf, ISender sender, CancellationToken ct) =>
            {
                var list = await sender.Send(new ExportTroubledFamiliesQuery(phase, asOf), ct);
                return Results.File(Csv.ToBytes(TroubledFamiliesCsv.Write(list)), "text/csv; charset=utf-8", TroubledFamiliesCsv.FileName(list));
            })
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("The Troubled Families list (attached families, then households that look eligible but are not attached) as at a day, as CSV (text/csv)")
            .WithDescription("phase 1 (default) or 2; asOf defaults to today and cannot be in the future. Unpaged; the same rows and order as the list. Columns in docs/families.md; cells are formula-safe.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");

        var claims = app.MapGroup("/api/v1/claims").WithTags("Claims").WithStandardProblems();
        claims.MapGet("/results", async Task<Ok<ResultsPage>> (int? phase, DateOnly? asOf, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListResultsQuery(phase, asOf, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .RequireAuthorization(Policies.Claims)
            .WithSummary("For each Troubled Families case, which results are met as at a day (TF2 phase 1, TF4 phase 2), each check with what was measured and needed")
            .WithDescription("ClaimsOfficer only. Paged, oldest attachment first. kind: CrimeAsbEducation | ContinuousEmployment | ProgressToWork (phase 1) | SignificantAndSustainedProgress (phase 2). alreadyClaimed comes from the claims workflow. Worked out only from records the caller may see, as basis says.");
    }

    // The create's Location and the idempotent replay's are the same URL: the GET of the new record.
    private static string PersonLocation(object? personId, string kind, Guid recordId) => $"/api/v1/people/{personId}/{kind}/{recordId}";

    private static string CaseLocation(object? caseId, Guid recordId) => $"/api/v1/cases/{caseId}/local-criteria/{recordId}";
}

public sealed record RecordAsbRequest(AsbKind? Kind, DateOnly? OccurredOn, string? Description);

public sealed record RecordEducationRequest(EducationKind? Kind, DateOnly? On, string? Term, int? Days, int? SessionsPossible, int? UnauthorisedAbsenceSessions);

public sealed record RecordEmploymentRequest(EmploymentKind? Kind, BenefitType? Benefit, DateOnly? From, DateOnly? To, string? Detail);

public sealed record EndEmploymentRequest(DateOnly? To);

public sealed record RecordLocalCriterionRequest(string? Criterion, Guid? PersonId, DateOnly? On, string? Evidence);
