import Foundation
import PayCircleCore

/// An appointment: `{"id", "hall_id", "service", "start", "end", "status", "check_in_from", "ticket_id"}`;
/// the answer that books it adds `"appointment_key"`, shown only then.
struct AppointmentJSON: JSONWritable {
    let appointment: Appointment
    var key: String? = nil

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("id", appointment.id)
            json.field("hall_id", appointment.hallID)
            json.field("service", appointment.service.rawValue)
            json.field("start", appointment.start)
            json.field("end", appointment.end)
            json.field("status", appointment.status.rawValue)
            json.field("check_in_from", appointment.checkInWindow.lowerBound)
            json.nullableField("ticket_id", appointment.ticketID)
            if let key { json.field("appointment_key", key) }
        }
    }
}

/// A hall's slots for one service and day: `{"hall_id", "service", "date", "slots": [{"start", "end",
/// "capacity", "booked", "predicted_wait_s"}]}`; the predicted wait is the forecast's for a walk-in in the
/// slot's hour of the week, null without history.
struct SlotsJSON: JSONWritable {
    let hallID: String
    let service: PaymentService
    let date: String
    let slots: [AppointmentSlot]
    let forecast: QueueForecast

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("hall_id", hallID)
            json.field("service", service.rawValue)
            json.field("date", date)
            json.key("slots")
            json.array { json in
                for slot in slots {
                    json.object { json in
                        json.field("start", slot.start)
                        json.field("end", slot.end)
                        json.field("capacity", Double(slot.capacity))
                        json.field("booked", Double(slot.booked))
                        json.nullableField("predicted_wait_s", forecast.hour(at: slot.start)?.waitSeconds.map { $0.rounded() })
                    }
                }
            }
        }
    }
}
