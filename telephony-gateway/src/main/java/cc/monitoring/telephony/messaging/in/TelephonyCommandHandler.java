package cc.monitoring.telephony.messaging.in;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.telephony.DialMonitorLeg;
import cc.monitoring.contracts.telephony.HangUpMonitorLeg;
import cc.monitoring.contracts.telephony.SetMonitorLegMode;
import cc.monitoring.kit.messaging.EventHandler;
import cc.monitoring.telephony.service.MonitorLegService;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Applies monitoring-service's commands on {@code telephony-commands} (dial a monitor leg muted, set its
 * mode, hang it up) to the monitor legs, in the transaction in which the kit records the command's id.
 * Types this service does not know are ignored.
 */
@ApplicationScoped
public class TelephonyCommandHandler implements EventHandler {

    private static final Logger LOG = Logger.getLogger(TelephonyCommandHandler.class);

    private final MonitorLegService legs;

    public TelephonyCommandHandler(MonitorLegService legs) {
        this.legs = legs;
    }

    @Override
    public void handle(CloudEvent command) {
        switch (command.type()) {
            case EventTypes.DIAL_MONITOR_LEG -> legs.dial(command.tenantid(), command.dataAs(DialMonitorLeg.class));
            case EventTypes.SET_MONITOR_LEG_MODE -> legs.setMode(command.tenantid(), command.dataAs(SetMonitorLegMode.class));
            case EventTypes.HANG_UP_MONITOR_LEG -> legs.hangUp(command.tenantid(), command.dataAs(HangUpMonitorLeg.class));
            default -> LOG.debugf("ignoring %s on telephony-commands", command.type());
        }
    }
}
