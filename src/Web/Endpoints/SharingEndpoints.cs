using System.Globalization;
using CaseManager.Application.Auditing;
using CaseManager.Application.Auditing.ExportAudit;
using CaseManager.Application.Auditing.ExportSubjectAccess;
using CaseManager.Application.Auditing.SearchAudit;
using CaseManager.Application.Auditing.VerifyAuditChain;
using CaseManager.Application.BreakGlass;
using CaseManager.Application.BreakGlass.GetBreakGlassGrant;
using CaseManager.Application.BreakGlass.ListBreakGlassGrants;
using CaseManager.Application.BreakGlass.RecordPersonInformed;
using CaseManager.Application.BreakGlass.ReviewBreakGlass;
using CaseManager.Application.BreakGlass.UseBreakGlass;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Consents;
using CaseManager.Application.Consents.GetConsent;
using CaseManager.Application.Consents.ListConsents;
using CaseManager.Application.Consents.RecordConsent;
using CaseManager.Application.Consents.WithdrawConsent;
using CaseManager.Application.People.GetWithheldRecords;
using CaseManager.Application.Sharing;
using CaseManager.Application.Sharing.CreateSharingAgreement;
using CaseManager.Application.Sharing.EndSharingAgreement;
using CaseManager.Application.Sharing.GetSharingAgreement;
using CaseManager.Application.Sharing.ListSharingAgreements;
using CaseManager.Application.Sharing.ListSharingRightDerivations;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.People;
using CaseManager.Domain.Sharing;
using CaseManager.Web.Export;
using CaseManager.Web.Pages;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CaseManager.Web.Endpoints;

/// <summary>Consent, sharing agreements, break-glass and the audit trail (DOMAIN.md IS1–IS9).</summary>
public static class SharingEndpoints
{
    public static void MapSharingEndpoints(this IEndpointRouteBuilder app)
    {
        var people = app.MapGroup("/api/v1/people/{id:guid}").WithTags("Consent and break-glass").WithStandardProblems()
            .ProducesProblem(StatusCodes.Status404NotFound);

        people.MapPost("/consents", async Task<Created<ConsentView>> (Guid id, RecordConsentRequest body, ISender sender, CancellationToken ct) =>
            {
                var consent = await sender.Send(new RecordConsentCommand(new PersonId(id), body.Purpose, body.RecipientAgencies ?? [], body.DataCategories ?? [],
                    body.Status, body.GivenBy, body.RecordedOn, body.ReviewOn, body.Evidence), ct);
                return TypedResults.Created($"/api/v1/people/{id}/consents/{consent.Id}", consent);
            })
            .WithIdempotency<ConsentView>((http, consent) => $"/api/v1/people/{http.GetRouteValue("id")}/consents/{consent.Id}")
            .RequireAuthorization(Policies.WriteCaseData)
            .WithSummary("Record a person's consent (or refusal) to share for a scheme with named agencies");

        people.MapGet("/consents", async Task<Ok<IReadOnlyList<ConsentView>>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListConsentsQuery(new PersonId(id)), ct)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("A person's consent decisions, newest first");

        people.MapGet("/consents/{consentId:guid}", async Task<Ok<ConsentView>> (Guid id, Guid consentId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetConsentQuery(new PersonId(id), new ConsentId(consentId)), ct)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("One consent decision on a person (404 unless the caller may see both the person and the decision)");

        people.MapPost("/consents/{consentId:guid}/withdraw", async Task<Ok<ConsentView>> (Guid id, Guid consentId, WithdrawConsentRequest? body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new WithdrawConsentCommand(new PersonId(id), new ConsentId(consentId), body?.Reason), ct)))
            .RequireAuthorization(Policies.WriteCaseData)
            .WithSummary("Withdraw consent; sharing that relied on it stops on the next request")
            .ProducesProblem(StatusCodes.Status409Conflict);

        people.MapPost("/break-glass", async Task<Created<BreakGlassView>> (Guid id, BreakGlassRequest body, ISender sender, CancellationToken ct) =>
            {
                var grant = await sender.Send(new UseBreakGlassCommand(new PersonId(id), body.Justification ?? string.Empty, body.RiskCategory), ct);
                return TypedResults.Created($"/api/v1/break-glass/{grant.Id}", grant);
            })
            .WithIdempotency<BreakGlassView>((_, grant) => $"/api/v1/break-glass/{grant.Id}")
            .RequireAuthorization(Policies.BreakGlass)
            .WithSummary("Emergency access to everything held on a person, for a limited time, reviewed by the IG lead");

        people.MapGet("/withheld", async Task<Ok<IReadOnlyList<WithheldRecords>>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetWithheldRecordsQuery(new PersonId(id)), ct)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("Which agencies hold records on this person that are not shared with the caller (where the policy allows saying so)");

        people.MapGet("/subject-access-export", async Task<IResult> (Guid id, DateOnly? receivedOn, DateOnly? extensionToldOn, ISender sender, CancellationToken ct) =>
            {
                var export = await sender.Send(new ExportSubjectAccessQuery(new PersonId(id), receivedOn, extensionToldOn), ct);
                return TypedResults.Json(export, statusCode: StatusCodes.Status200OK, contentType: "application/json");
            })
            .RequireAuthorization(Policies.InformationGovernance)
            .WithSummary("Everything held on a person and who accessed it (subject access request)")
            .WithDescription("receivedOn (yyyy-mm-dd, default today, not in the future) is the day the request arrived; respondBy is one calendar month on, moved to the next working day (weekends, bank holidays of England and Wales, Partnership:ExtraNonWorkingDays). For a complex request, extensionToldOn (yyyy-mm-dd) is the day the person was told the time is extended; it must fall within the first month, and respondBy is then three calendar months on (400 otherwise).")
            .Produces<SubjectAccessExport>();

        var agreements = app.MapGroup("/api/v1/sharing-agreements").WithTags("Sharing agreements").WithStandardProblems();

        agreements.MapPost("/", async Task<Created<SharingAgreementView>> (CreateSharingAgreementCommand command, ISender sender, CancellationToken ct) =>
            {
                var agreement = await sender.Send(command, ct);
                return TypedResults.Created($"/api/v1/sharing-agreements/{agreement.Id}", agreement);
            })
            .WithIdempotency<SharingAgreementView>((_, agreement) => $"/api/v1/sharing-agreements/{agreement.Id}")
            .RequireAuthorization(Policies.InformationGovernance)
            .WithSummary("Record an information-sharing agreement")
            .ProducesProblem(StatusCodes.Status409Conflict);

        agreements.MapGet("/", async Task<Ok<IReadOnlyList<SharingAgreementView>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListSharingAgreementsQuery(), ct)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("The partnership's sharing agreements");

        agreements.MapGet("/{id:guid}", async Task<Ok<SharingAgreementView>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetSharingAgreementQuery(new SharingAgreementId(id)), ct)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("One sharing agreement (404 for an unknown id)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        agreements.MapPost("/{id:guid}/end", async Task<Ok<SharingAgreementView>> (Guid id, EndAgreementRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new EndSharingAgreementCommand(new SharingAgreementId(id), body.Reason ?? string.Empty), ct)))
            .RequireAuthorization(Policies.InformationGovernance)
            .WithSummary("End an agreement: nothing is shared under it from now on")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var sharingRights = app.MapGroup("/api/v1/sharing-rights").WithTags("Sharing agreements").WithStandardProblems();

        sharingRights.MapGet("/derivations", async Task<Ok<SharingRightDerivationsView>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListSharingRightDerivationsQuery(), ct)))
            .RequireAuthorization(Policies.SharingRightDerivations)
            .WithSummary("How far sharing rights have been worked out after an agreement or an agency's schemes changed")
            .WithDescription("For the IG lead and administrators. A new or widened agreement or scheme grants nothing until its rights are worked out; an ended or narrowed one took access away when it was saved. Unfinished derivations come first, oldest first, then the last ten finished or superseded. done of total counts people (everyone on record). No case data.");

        var breakGlass = app.MapGroup("/api/v1/break-glass").WithTags("Consent and break-glass").WithStandardProblems();

        breakGlass.MapGet("/", async Task<Ok<Paged<BreakGlassView>>> (bool? awaitingReview, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListBreakGlassGrantsQuery(awaitingReview ?? false, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .RequireAuthorization(Policies.InformationGovernance)
            .WithSummary("Break-glass uses, those awaiting review first");

        breakGlass.MapGet("/{id:guid}", async Task<Ok<BreakGlassView>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetBreakGlassGrantQuery(new BreakGlassGrantId(id)), ct)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("One break-glass use, for the user who used it or the IG lead (404 for anyone else)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        breakGlass.MapPost("/{id:guid}/review", async Task<Ok<BreakGlassView>> (Guid id, ReviewBreakGlassRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ReviewBreakGlassCommand(new BreakGlassGrantId(id), body.Outcome, body.Note ?? string.Empty), ct)))
            .RequireAuthorization(Policies.InformationGovernance)
            .WithSummary("Mark a break-glass use justified or not")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        breakGlass.MapPost("/{id:guid}/person-informed", async Task<Ok<BreakGlassView>> (Guid id, PersonInformedRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RecordPersonInformedCommand(new BreakGlassGrantId(id), body.Informed, body.Note), ct)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("Record whether the person was told of the access, or why that would be unsafe")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var audit = app.MapGroup("/api/v1/audit").WithTags("Audit").WithStandardProblems().RequireAuthorization(Policies.InformationGovernance);

        audit.MapGet("/", async Task<Ok<Paged<AuditEntryView>>> (Guid? personId, Guid? userId, string? agencyCode, DateOnly? from, DateOnly? to, bool? sharedOnly, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SearchAuditQuery(personId, userId, agencyCode, from, to, sharedOnly ?? false, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithSummary("Search the audit trail by person, user, agency and date");

        audit.MapGet("/export", async Task<FileContentHttpResult> (Guid? personId, Guid? userId, string? agencyCode, DateOnly? from, DateOnly? to, bool? sharedOnly, ISender sender, LocalTime time, CancellationToken ct) =>
            {
                var export = await sender.Send(new ExportAuditQuery(personId, userId, agencyCode, from, to, sharedOnly ?? false), ct);
                var csv = Csv.Write(AuditCsv.Header, export.Entries.Select(AuditCsv.Row(time)));
                return TypedResults.File(Csv.ToBytes(csv), "text/csv; charset=utf-8", $"audit-{time.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv");
            })
            .WithSummary("Download the audit entries the same filters find, newest first, as CSV (at most 10,000)")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");

        audit.MapGet("/verify", async Task<Ok<AuditChainReport>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new VerifyAuditChainQuery(), ct)))
            .WithSummary("Recompute the audit hash chain and report the first altered or missing entry");
    }
}

public sealed record RecordConsentRequest(
    Scheme? Purpose,
    IReadOnlyList<string>? RecipientAgencies,
    IReadOnlyList<DataCategory>? DataCategories,
    ConsentStatus? Status,
    ConsentGivenBy? GivenBy,
    DateOnly? RecordedOn,
    DateOnly? ReviewOn,
    string? Evidence);

public sealed record WithdrawConsentRequest(string? Reason);

public sealed record BreakGlassRequest(string? Justification, RiskCategory? RiskCategory);

public sealed record EndAgreementRequest(string? Reason);

public sealed record ReviewBreakGlassRequest(BreakGlassReviewOutcome? Outcome, string? Note);

public sealed record PersonInformedRequest(bool? Informed, string? Note);
