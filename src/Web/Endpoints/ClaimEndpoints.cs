using CaseManager.Application.Claims;
using CaseManager.Application.Claims.CancelClaim;
using CaseManager.Application.Claims.ExportClaim;
using CaseManager.Application.Claims.GetClaim;
using CaseManager.Application.Claims.GetClaimFigures;
using CaseManager.Application.Claims.GetClaimHistory;
using CaseManager.Application.Claims.GetClaimLine;
using CaseManager.Application.Claims.ListClaimLines;
using CaseManager.Application.Claims.ListClaims;
using CaseManager.Application.Claims.PrepareClaim;
using CaseManager.Application.Claims.RejectClaimLine;
using CaseManager.Application.Claims.SpotCheckClaim;
using CaseManager.Application.Claims.SubmitClaim;
using CaseManager.Application.Claims.ValidateClaimLine;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Claims;
using CaseManager.Web.Export;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CaseManager.Web.Endpoints;

/// <summary>Payment-by-results claims (API.md "Payment-by-results claims", DOMAIN.md TF3–TF5; docs/claims.md). Claims officers only.</summary>
public static class ClaimEndpoints
{
    public static void MapClaimEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/claims").WithTags("Claims").WithStandardProblems().RequireAuthorization(Policies.Claims);

        group.MapPost("/", async Task<Accepted<ClaimCreated>> (PrepareClaimRequest body, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(new PrepareClaimCommand(body.Phase, body.Kind, body.Window), ct);
                return TypedResults.Accepted($"/api/v1/claims/{created.Id}", created);
            })
            .WithIdempotentAccept<ClaimCreated>((_, created) => $"/api/v1/claims/{created.Id}")
            .WithSummary("Prepare a claim for a phase (1|2), kind (Attachment|Results) and window (yyyy-mm): 202 with its id; a background job prepares it")
            .WithDescription("409 claims.window-taken when the caller's agency already has a claim (not cancelled) for the phase, kind and window, also when two are prepared at the same moment. Poll GET /api/v1/claims/{id} for progress.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/", async Task<Ok<Paged<ClaimListItem>>> (int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListClaimsQuery(page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithSummary("The claims of the caller's agency, newest first");

        var claim = group.MapGroup("/{id:guid}").ProducesProblem(StatusCodes.Status404NotFound);

        claim.MapGet("/", async Task<Ok<ClaimView>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetClaimQuery(new ClaimId(id)), ct)))
            .WithSummary("A claim: status (Preparing|Draft|Submitted|Cancelled), progress (done of total), whether its preparation has stopped, lines, amount and the first 100 entries of its history with the history's total");

        claim.MapGet("/history", async Task<Ok<Paged<ClaimHistoryItem>>> (Guid id, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetClaimHistoryQuery(new ClaimId(id), page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithSummary("A claim's whole history, oldest first, a page at a time: prepared, every decision on every line (changed decisions keep the earlier ones), submitted or cancelled");

        claim.MapPost("/cancel", async Task<Ok<ClaimView>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CancelClaimCommand(new ClaimId(id)), ct)))
            .WithSummary("Cancel a claim that is still being prepared (its job lost or failing, or started by mistake): it is kept as Cancelled, its proposed lines removed and its window freed")
            .WithDescription("409 claims.not-preparing once the claim is Draft, Submitted or Cancelled.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        claim.MapGet("/lines", async Task<Ok<Paged<ClaimLineItem>>> (Guid id, ClaimLineStatus? status, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListClaimLinesQuery(new ClaimId(id), status, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithSummary("A claim's lines (status Proposed|Validated|Rejected to filter)");

        claim.MapGet("/lines/{lineId:guid}", async Task<Ok<ClaimLineDetails>> (Guid id, Guid lineId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetClaimLineQuery(new ClaimId(id), new ClaimLineId(lineId)), ct)))
            .WithSummary("One line with its evidence as frozen when proposed: records, checks, assessment, plan and timeline links; says when partly hidden");

        claim.MapPost("/lines/{lineId:guid}/validate", async Task<Ok<ClaimLineItem>> (Guid id, Guid lineId, ClaimLineDecisionRequest? body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ValidateClaimLineCommand(new ClaimId(id), new ClaimLineId(lineId), body?.Note), ct)))
            .WithSummary("Validate a line (a second person: never the preparer, 403)")
            .WithDescription("409 claims.frozen once submitted, claims.still-preparing while preparing.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        claim.MapPost("/lines/{lineId:guid}/reject", async Task<Ok<ClaimLineItem>> (Guid id, Guid lineId, ClaimLineDecisionRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RejectClaimLineCommand(new ClaimId(id), new ClaimLineId(lineId), body.Note), ct)))
            .WithSummary("Reject a line with a note (required); a second person, never the preparer (403)")
            .ProducesProblem(StatusCodes.Status409Conflict);

        claim.MapPost("/submit", async Task<Ok<ClaimView>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SubmitClaimCommand(new ClaimId(id)), ct)))
            .WithSummary("Submit the validated lines; the claim is then frozen")
            .WithDescription("409 claims.already-claimed for an outcome claimed before (nothing is submitted), claims.allocation-exceeded past TroubledFamilies:Allocation, claims.nothing-validated, claims.already-submitted.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        claim.MapGet("/export", async Task<IResult> (Guid id, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var export = await sender.Send(new ExportClaimQuery(new ClaimId(id)), ct);
                return Results.Stream(body => ClaimCsv.WriteAsync(body, export, http.RequestAborted), "text/csv; charset=utf-8",
                    $"claim-phase{export.Phase}-{export.Kind.ToLowerInvariant()}-{export.Window}.csv");
            })
            .WithSummary("The claim's lines as CSV (text/csv; columns in docs/claims.md)")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");

        claim.MapGet("/spot-check", async Task<Ok<SpotCheck>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SpotCheckClaimQuery(new ClaimId(id)), ct)))
            .WithSummary("A reproducible random sample (default 10%, seeded from the claim id) of a submitted claim's lines, each with its evidence")
            .ProducesProblem(StatusCodes.Status409Conflict);

        var reports = app.MapGroup("/api/v1/reports/claims").WithTags("Reports").WithStandardProblems().RequireAuthorization(Policies.Claims);
        reports.MapGet("/", async Task<Ok<ClaimFigures>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetClaimFiguresQuery(), ct)))
            .WithSummary("Partnership figures from submitted claims: families attached, results claimed by kind, money claimed against the maximum, per phase and financial year");
        reports.MapGet("/export", async Task<IResult> (ISender sender, CancellationToken ct) =>
                Results.File(Csv.ToBytes(ClaimCsv.Figures(await sender.Send(new GetClaimFiguresQuery(), ct))), "text/csv; charset=utf-8", "claim-figures.csv"))
            .WithSummary("The partnership's claim figures as CSV (text/csv)")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
    }
}

public sealed record PrepareClaimRequest(int? Phase, ClaimKind? Kind, string? Window);

public sealed record ClaimLineDecisionRequest(string? Note);
