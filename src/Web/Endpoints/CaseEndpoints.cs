using CaseManager.Application.Cases;
using CaseManager.Application.Cases.AllocateCase;
using CaseManager.Application.Cases.ListAllocatableWorkers;
using CaseManager.Application.Cases.Exits.ApproveExit;
using CaseManager.Application.Cases.Exits.NominateExit;
using CaseManager.Application.Cases.Exits.RejectExit;
using CaseManager.Application.Cases.GetCase;
using CaseManager.Application.Cases.ListCases;
using CaseManager.Application.Cases.OpenCase;
using CaseManager.Application.Cases.UpdateIomDetails;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Interventions;
using CaseManager.Application.Interventions.GetIntervention;
using CaseManager.Application.Interventions.ListInterventions;
using CaseManager.Application.Interventions.LogIntervention;
using CaseManager.Application.Offences;
using CaseManager.Application.Offences.GetOffence;
using CaseManager.Application.Offences.ListOffences;
using CaseManager.Application.Offences.RecordOffence;
using CaseManager.Application.OffenceTypes;
using CaseManager.Application.OffenceTypes.ListOffenceTypes;
using CaseManager.Application.OffenceTypes.SaveOffenceType;
using CaseManager.Application.People.GetTimeline;
using CaseManager.Application.Reports.IomReport;
using CaseManager.Application.Treatment;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Households;
using CaseManager.Domain.Interventions;
using CaseManager.Domain.Offending;
using CaseManager.Domain.People;
using CaseManager.Domain.Treatment;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CaseManager.Web.Endpoints;

/// <summary>Cases of every scheme, their work (interventions), offences, the exit workflow and the IOM report.</summary>
public static class CaseEndpoints
{
    public static void MapCaseEndpoints(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/v1/cases").WithTags("Cases").WithStandardProblems();

        cases.MapPost("/", async Task<Created<CaseView>> (OpenCaseRequest body, ISender sender, CancellationToken ct) =>
            {
                var opened = await sender.Send(new OpenCaseCommand(body.Scheme, new PersonId(body.PersonId ?? Guid.Empty), body.StartDate, body.AllocatedTo,
                    body.Cohort, body.Tier, body.SelectionReason, body.SelectionScore, body.PanelNote, body.Mappa ?? false, body.Ppo ?? false,
                    body.PredictedReoffendingRate, body.Custody,
                    body.HouseholdId is { } household ? new HouseholdId(household) : null, body.LeadProfessional,
                    body.Referral, body.TriageDate, body.Substances, body.InjectingStatus, body.CareCoordinator), ct);
                return TypedResults.Created($"/api/v1/cases/{opened.Id}", opened);
            })
            .WithIdempotency<CaseView>((_, opened) => $"/api/v1/cases/{opened.Id}")
            .RequireAuthorization(Policies.WriteCaseData)
            .WithSummary("Enrol a person, or for Fit, HighImpactHousehold and TroubledFamilies a household (householdId, leadProfessional), in a scheme (a new case owned by the caller's agency)")
            .WithDescription("IOM adds cohort (configurable list, default Fixed/Flex/Free), tier (default Red/Amber/Green), selectionReason, selectionScore, panelNote, mappa, ppo, predictedReoffendingRate and custody. AdultTreatment and YoungPeopleTreatment need referral {date, source}, substances {primary, secondary?, tertiary?} and injectingStatus, with triageDate and careCoordinator (the allocated worker) optional; other schemes refuse them (400). 409 case.already-open when the person is already in the scheme.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        cases.MapGet("/", async Task<Ok<Paged<CaseListItem>>> (
                Scheme? scheme, CaseStatus? status, bool? allocatedToMe, Guid? personId, string? ownerAgency, string? cohort, string? tier,
                CaseSort? sort, SortOrder? order, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListCasesQuery(scheme, status, allocatedToMe ?? false, personId is { } id ? new PersonId(id) : null,
                    ownerAgency, cohort, tier, sort ?? CaseSort.StartDate, order != SortOrder.Asc,
                    page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("The cases the caller may see: filter by scheme, status, allocatedToMe, personId, ownerAgency, cohort, tier; sort by StartDate, LastContact or NextReviewDue (order=Asc|Desc, default Desc)");

        cases.MapGet("/{id:guid}", async Task<Ok<CaseView>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetCaseQuery(new CaseId(id)), ct)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("A case the caller may see (404 otherwise)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        cases.MapPut("/{id:guid}/iom", async Task<Ok<CaseView>> (Guid id, UpdateIomRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UpdateIomDetailsCommand(new CaseId(id), body.Version, body.Cohort, body.Tier, body.SelectionReason,
                    body.SelectionScore, body.PanelNote, body.Mappa ?? false, body.Ppo ?? false, body.PredictedReoffendingRate, body.Custody), ct)))
            .RequireAuthorization(Policies.WriteCaseData)
            .WithSummary("Change an IOM case's selection and custody (owning agency; send the version you read)")
            .WithDescription("409 concurrency.stale when someone saved the case after the given version; 409 case.already-exited on an exited case.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        cases.MapPut("/{id:guid}/allocation", async Task<Ok<CaseView>> (Guid id, AllocateRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AllocateCaseCommand(new CaseId(id), body.Version, body.AllocatedTo), ct)))
            .RequireAuthorization(Policies.ManageCases)
            .WithSummary("A manager allocates the case to a worker of the owning agency")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        cases.MapGet("/{id:guid}/allocation/workers", async Task<Ok<IReadOnlyList<AllocatableWorker>>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListAllocatableWorkersQuery(new CaseId(id)), ct)))
            .RequireAuthorization(Policies.ManageCases)
            .WithSummary("The workers a manager may allocate the case to: the owning agency's active caseworkers and managers, by name")
            .WithDescription("404 for a case the caller may not read; 403 for another agency's case the caller may read.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        cases.MapPost("/{id:guid}/interventions", async Task<Created<InterventionView>> (Guid id, LogInterventionRequest body, ISender sender, CancellationToken ct) =>
            {
                var work = await sender.Send(new LogInterventionCommand(new CaseId(id), body.Type, body.OccurredAt, body.DurationMinutes, body.Outcome, body.Notes,
                    body.Result, body.Substances), ct);
                return TypedResults.Created(InterventionLocation(id, work), work);
            })
            .WithIdempotency<InterventionView>((http, work) => InterventionLocation(http.GetRouteValue("id"), work))
            .RequireAuthorization(Policies.WriteCaseData)
            .WithSummary("Log work on an open case: the entry belongs to the caller's agency and its category follows from its type")
            .WithDescription("Types: OfficeAppointment, HomeVisit, PrisonVisit, PhoneContact, DrugTest (result Negative|Positive|Refused, substances for a positive test), AlcoholTreatmentSession, CourseAttendance, RestorativeJusticeConference, EmploymentSupport, Arrest, BreachAction, Other. DrugTest and AlcoholTreatmentSession are HealthSubstanceMisuse data; the rest Offending.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        cases.MapGet("/{id:guid}/interventions", async Task<Ok<Paged<InterventionView>>> (Guid id, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListInterventionsQuery(new CaseId(id), page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("The work on a case that the caller may see, newest first")
            .ProducesProblem(StatusCodes.Status404NotFound);

        cases.MapGet("/{id:guid}/interventions/{interventionId:guid}", async Task<Ok<InterventionView>> (Guid id, Guid interventionId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetInterventionQuery(new CaseId(id), new InterventionId(interventionId)), ct)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("One entry of work on a case (404 unless the caller may see both the case and the entry)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        cases.MapPost("/{id:guid}/exit-nomination", async Task<Ok<CaseView>> (Guid id, NominateExitRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new NominateExitCommand(new CaseId(id), body.Reason, body.Note, body.Evidence), ct)))
            .RequireAuthorization(Policies.WriteCaseData)
            .WithSummary("Nominate the person for exit with a reason, note and evidence (status becomes ExitNominated)")
            .WithDescription("Reasons: SustainedProgress, NoOffendingForPeriod, LongCustodialSentence, MovedOutOfArea, TransferredToMappa, Deceased, Other (IOM; other schemes take SustainedProgress, MovedOutOfArea, Deceased, Other).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        cases.MapPost("/{id:guid}/exit-nomination/approve", async Task<Ok<CaseView>> (Guid id, ApproveExitRequest? body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ApproveExitCommand(new CaseId(id), body?.Note, body?.ExitedOn), ct)))
            .RequireAuthorization(Policies.ManageCases)
            .WithSummary("A manager of the owning agency approves the nomination: the case is exited (403 for the nominator)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        cases.MapPost("/{id:guid}/exit-nomination/reject", async Task<Ok<CaseView>> (Guid id, RejectExitRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RejectExitCommand(new CaseId(id), body.Note), ct)))
            .RequireAuthorization(Policies.ManageCases)
            .WithSummary("A manager of the owning agency rejects the nomination with a note: the case is Active again (403 for the nominator)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var people = app.MapGroup("/api/v1/people/{id:guid}").WithTags("Offences and timeline").WithStandardProblems()
            .ProducesProblem(StatusCodes.Status404NotFound);

        people.MapPost("/offences", async Task<Created<OffenceView>> (Guid id, RecordOffenceRequest body, ISender sender, CancellationToken ct) =>
            {
                var offence = await sender.Send(new RecordOffenceCommand(new PersonId(id), body.OffenceType, body.CommittedOn, body.ConvictedOn, body.Outcome), ct);
                return TypedResults.Created(OffenceLocation(id, offence), offence);
            })
            .WithIdempotency<OffenceView>((http, offence) => OffenceLocation(http.GetRouteValue("id"), offence))
            .RequireAuthorization(Policies.WriteCaseData)
            .WithSummary("Record an offence (offenceType is a code from GET /api/v1/offence-types)");

        people.MapGet("/offences", async Task<Ok<Paged<OffenceView>>> (Guid id, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListOffencesQuery(new PersonId(id), page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("The person's offences that the caller may see, most recent first");

        people.MapGet("/offences/{offenceId:guid}", async Task<Ok<OffenceView>> (Guid id, Guid offenceId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetOffenceQuery(new PersonId(id), new OffenceId(offenceId)), ct)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("One offence on a person (404 unless the caller may see both the person and the offence)");

        people.MapGet("/timeline", async Task<Ok<Paged<TimelineEntry>>> (Guid id, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetTimelineQuery(new PersonId(id), page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("Every case event, intervention and offence on the person that the caller may see, newest first");

        app.MapGet("/api/v1/offence-types", async Task<Ok<IReadOnlyList<OffenceTypeView>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListOffenceTypesQuery(), ct)))
            .WithTags("Offences and timeline")
            .RequireAuthorization()
            .WithSummary("Offence types with their unit cost of crime and its price year (DOMAIN.md IOM7)");

        app.MapPut("/api/v1/admin/offence-types/{code}", async Task<Ok<OffenceTypeView>> (string code, SaveOffenceTypeRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SaveOffenceTypeCommand(code, body.Name, body.UnitCost, body.PriceYear, body.Version), ct)))
            .WithTags("Administration")
            .RequireAuthorization(Policies.Administer)
            .WithSummary("Add an offence type or change its name, unit cost and price year (send the version you read to change one)")
            .ProducesProblem(StatusCodes.Status409Conflict);

        app.MapGet("/api/v1/reports/iom", async Task<Ok<IomReportView>> (DateOnly? asOf, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new IomReportQuery(asOf), ct)))
            .WithTags("Reports")
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("IOM measures over the cases and offences the caller may see, as at asOf (default today): cohort size, offending and its cost before and since entry, exit decision times");
    }

    // The create's Location and the idempotent replay's (stored with the answer) are the same URL: the GET of the new record.
    private static string InterventionLocation(object? caseId, InterventionView work) => $"/api/v1/cases/{caseId}/interventions/{work.Id}";

    private static string OffenceLocation(object? personId, OffenceView offence) => $"/api/v1/people/{personId}/offences/{offence.Id}";
}

public sealed record OpenCaseRequest(
    Scheme? Scheme,
    Guid? PersonId,
    DateOnly? StartDate,
    Guid? AllocatedTo,
    string? Cohort,
    string? Tier,
    string? SelectionReason,
    string? SelectionScore,
    string? PanelNote,
    bool? Mappa,
    bool? Ppo,
    decimal? PredictedReoffendingRate,
    CustodyInput? Custody,
    Guid? HouseholdId = null,
    Guid? LeadProfessional = null,
    ReferralInput? Referral = null,
    DateOnly? TriageDate = null,
    SubstancesInput? Substances = null,
    InjectingStatus? InjectingStatus = null,
    Guid? CareCoordinator = null);

public sealed record UpdateIomRequest(
    int? Version,
    string? Cohort,
    string? Tier,
    string? SelectionReason,
    string? SelectionScore,
    string? PanelNote,
    bool? Mappa,
    bool? Ppo,
    decimal? PredictedReoffendingRate,
    CustodyInput? Custody);

public sealed record AllocateRequest(int? Version, Guid? AllocatedTo);

public sealed record LogInterventionRequest(
    InterventionType? Type,
    DateTimeOffset? OccurredAt,
    int? DurationMinutes,
    string? Outcome,
    string? Notes,
    DrugTestResult? Result,
    IReadOnlyList<Substance>? Substances);

public sealed record NominateExitRequest(ExitReason? Reason, string? Note, string? Evidence);

public sealed record ApproveExitRequest(string? Note, DateOnly? ExitedOn);

public sealed record RejectExitRequest(string? Note);

public sealed record RecordOffenceRequest(string? OffenceType, DateOnly? CommittedOn, DateOnly? ConvictedOn, string? Outcome);

public sealed record SaveOffenceTypeRequest(string? Name, decimal? UnitCost, int? PriceYear, int? Version);
