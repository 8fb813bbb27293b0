import PayCircleCore

/// `POST /v1/halls/{id}/calls`: `{"service": "cash", "number": "C017"}` calls a waiting ticket;
/// with `"outcome": "served" | "no_show"` it closes a called one.
struct CallBody: Decodable {
    let service: PaymentService
    let number: String
    let outcome: QueueTicket.Outcome?

    init(from decoder: any Decoder) throws {
        let members = try decoder.members(else: "expected an object")
        service = try members.required(oneOf: PaymentService.self, BodyKey("service"))
        number = try members.required(String.self, BodyKey("number"), else: "expected a ticket number such as C017")
        try SingleLineText.check(number, field: "number")
        outcome = members.contains(BodyKey("outcome")) ? try members.required(oneOf: QueueTicket.Outcome.self, BodyKey("outcome")) : nil
    }
}
