// The standard PAC helper functions (as Netscape defined them and Chromium and Firefox ship them).
// dnsResolve, myIpAddress and __pacClock are supplied by fxsession; nothing else from the host is reachable.
function dnsDomainIs(host, domain) {
    return host.length >= domain.length && host.substring(host.length - domain.length) == domain;
}
function dnsDomainLevels(host) {
    return host.split('.').length - 1;
}
function convert_addr(ipchars) {
    var bytes = ipchars.split('.');
    return ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
}
function isValidIpAddress(ipchars) {
    var matches = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ipchars);
    if (matches == null) {
        return false;
    }
    return !(matches[1] > 255 || matches[2] > 255 || matches[3] > 255 || matches[4] > 255);
}
function isInNet(ipaddr, pattern, maskstr) {
    if (!isValidIpAddress(pattern) || !isValidIpAddress(maskstr)) {
        return false;
    }
    if (!isValidIpAddress(ipaddr)) {
        ipaddr = dnsResolve(ipaddr);
        if (ipaddr == null) {
            return false;
        }
    }
    var host = convert_addr(ipaddr);
    var pat = convert_addr(pattern);
    var mask = convert_addr(maskstr);
    return (host & mask) == (pat & mask);
}
function isPlainHostName(host) {
    return host.search('\\.') == -1;
}
function isResolvable(host) {
    return dnsResolve(host) != null;
}
function localHostOrDomainIs(host, hostdom) {
    return host == hostdom || hostdom.lastIndexOf(host + '.', 0) == 0;
}
function shExpMatch(url, pattern) {
    pattern = pattern.replace(/\./g, '\\.');
    pattern = pattern.replace(/\*/g, '.*');
    pattern = pattern.replace(/\?/g, '.');
    return new RegExp('^' + pattern + '$').test(url);
}
var __pacWeekdays = {SUN: 0, MON: 1, TUE: 2, WED: 3, THU: 4, FRI: 5, SAT: 6};
var __pacMonths = {JAN: 0, FEB: 1, MAR: 2, APR: 3, MAY: 4, JUN: 5, JUL: 6, AUG: 7, SEP: 8, OCT: 9, NOV: 10, DEC: 11};
function weekdayRange() {
    function getDay(weekday) {
        return weekday in __pacWeekdays ? __pacWeekdays[weekday] : -1;
    }
    var date = new Date(__pacClock());
    var argc = arguments.length;
    var wday;
    if (argc < 1) {
        return false;
    }
    if (arguments[argc - 1] == 'GMT') {
        argc--;
        wday = date.getUTCDay();
    } else {
        wday = date.getDay();
    }
    var wd1 = getDay(arguments[0]);
    var wd2 = argc == 2 ? getDay(arguments[1]) : wd1;
    if (wd1 == -1 || wd2 == -1) {
        return false;
    }
    return wd1 <= wd2 ? (wd1 <= wday && wday <= wd2) : (wd2 >= wday || wday >= wd1);
}
function __pacAsGmt(date) {
    var tmp = new Date(date.getTime());
    tmp.setFullYear(date.getUTCFullYear());
    tmp.setMonth(date.getUTCMonth());
    tmp.setDate(date.getUTCDate());
    tmp.setHours(date.getUTCHours());
    tmp.setMinutes(date.getUTCMinutes());
    tmp.setSeconds(date.getUTCSeconds());
    return tmp;
}
function dateRange() {
    function getMonth(name) {
        return name in __pacMonths ? __pacMonths[name] : -1;
    }
    var date = new Date(__pacClock());
    var argc = arguments.length;
    if (argc < 1) {
        return false;
    }
    var isGMT = arguments[argc - 1] == 'GMT';
    if (isGMT) {
        argc--;
    }
    if (argc == 1) {
        var value = parseInt(arguments[0]);
        if (isNaN(value)) {
            return (isGMT ? date.getUTCMonth() : date.getMonth()) == getMonth(arguments[0]);
        } else if (value < 32) {
            return (isGMT ? date.getUTCDate() : date.getDate()) == value;
        }
        return (isGMT ? date.getUTCFullYear() : date.getFullYear()) == value;
    }
    var year = date.getFullYear();
    var date1 = new Date(year, 0, 1, 0, 0, 0);
    var date2 = new Date(year, 11, 31, 23, 59, 59);
    var adjustMonth = false;
    var i, tmp;
    for (i = 0; i < (argc >> 1); i++) {
        tmp = parseInt(arguments[i]);
        if (isNaN(tmp)) {
            date1.setMonth(getMonth(arguments[i]));
        } else if (tmp < 32) {
            adjustMonth = argc <= 2;
            date1.setDate(tmp);
        } else {
            date1.setFullYear(tmp);
        }
    }
    for (i = argc >> 1; i < argc; i++) {
        tmp = parseInt(arguments[i]);
        if (isNaN(tmp)) {
            date2.setMonth(getMonth(arguments[i]));
        } else if (tmp < 32) {
            date2.setDate(tmp);
        } else {
            date2.setFullYear(tmp);
        }
    }
    if (adjustMonth) {
        date1.setMonth(date.getMonth());
        date2.setMonth(date.getMonth());
    }
    if (isGMT) {
        date = __pacAsGmt(date);
    }
    return date1 <= date2 ? (date1 <= date && date <= date2) : (date2 >= date || date >= date1);
}
function timeRange() {
    var argc = arguments.length;
    var date = new Date(__pacClock());
    var isGMT = false;
    if (argc < 1) {
        return false;
    }
    if (arguments[argc - 1] == 'GMT') {
        isGMT = true;
        argc--;
    }
    var hour = isGMT ? date.getUTCHours() : date.getHours();
    var date1 = new Date(date.getTime());
    var date2 = new Date(date.getTime());
    if (argc == 1) {
        return hour == arguments[0];
    } else if (argc == 2) {
        return arguments[0] <= hour && hour <= arguments[1];
    }
    switch (argc) {
        case 6:
            date1.setSeconds(arguments[2]);
            date2.setSeconds(arguments[5]);
            // falls through
        case 4:
            var middle = argc >> 1;
            date1.setHours(arguments[0]);
            date1.setMinutes(arguments[1]);
            date2.setHours(arguments[middle]);
            date2.setMinutes(arguments[middle + 1]);
            if (middle == 2) {
                date1.setSeconds(0);
                date2.setSeconds(59);
            }
            break;
        default:
            throw 'timeRange: bad number of arguments';
    }
    if (isGMT) {
        date = __pacAsGmt(date);
    }
    return date1 <= date2 ? (date1 <= date && date <= date2) : (date2 >= date || date >= date1);
}
