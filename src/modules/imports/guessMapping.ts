import { multiColumnFields, type ImportField, type Mapping, type MappingTarget } from './fields.ts';

/** A header in comparable form: lower case, letters and digits only ("E-mail" → "email"). */
export const headerKey = (header: string) => header.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]/g, '');

// Header keys as written by NationBuilder, Action Network, our own export and ordinary
// spreadsheets. Checked in order; the first pattern that matches wins.
const GUESSES: [RegExp, ImportField][] = [
  [/^(nationbuilderid|uuid|id|personid|externalid|can2userid|createdat|updatedat)$/, 'ignore'],
  [/^(firstname|forename|forenames|givenname|first|christianname|preferredname)$/, 'firstName'],
  [/^(lastname|surname|familyname|last)$/, 'lastName'],
  [/^(name|fullname|contactname|personname|membername)$/, 'fullName'],
  [/^(emails?|emailaddress(es)?|email\d|emailaddress\d|primaryemail|personalemail|workemail|otheremail)$/, 'email'],
  [/^(mobiles?|mobilenumber|mobilephone(number)?|mobileno|mob|cell|cellphone|cellnumber|mobilenumber\d|smsnumber|can2smsphone)$/, 'mobile'],
  [/^(phones?|phonenumber|phoneno|telephone|telephonenumber|tel|telno|landline|homephone|homephonenumber|workphone|workphonenumber|phone\d|can2phone)$/, 'phone'],
  [/^(address|address1|addressline1|line1|street|streetaddress|primaryaddress1|can2useraddress|homeaddress|registeredaddress1|mailingaddress1|houseandstreet)$/, 'addressLine1'],
  [/^(address2|addressline2|line2|street2|primaryaddress2|registeredaddress2|mailingaddress2|locality)$/, 'addressLine2'],
  [/^(town|city|towncity|posttown|primarycity|can2usercity|registeredcity|mailingcity)$/, 'town'],
  [/^(postcode|postalcode|zip|zipcode|postzip|primaryzip|registeredzip|mailingzip|zippostcode)$/, 'postcode'],
  [/^(wardcode|wardid|wardonscode|ward(cd|code)\d*)$/, 'wardCode'],
  [/^(constituencycode|pconcode|pcon|pcon\d+cd|westminsterconstituencycode)$/, 'constituencyCode'],
  [/^(membershipstatus|memberstatus|membershiptype)$/, 'membershipStatus'],
  [/^(membershipnumber|membershipno|membernumber|memberno|membershipid|memberid)$/, 'membershipNumber'],
  [/^(joinedon|joined|joindate|datejoined|joiningdate|membersince|startedat|membershipstartedat|membershipstartdate|startdate)$/, 'joinedOn'],
  [/^(tags?|taglist|labels?|groups)$/, 'tags'],
  [/^(unit|unitcode|branchcode)$/, 'unit'],
];

export interface CustomFieldHint {
  key: string;
  label: string;
}

/**
 * Guesses what each column holds from its header. Single-value fields go to the first column
 * that matches; later matches are ignored so the guess is always a valid mapping. Headers
 * that name a custom field (by key, label, or our own export's `custom:<key>`) map to it.
 */
export function guessMapping(columns: string[], customFields: readonly CustomFieldHint[] = []): Mapping {
  const custom = new Map<string, string>();
  for (const f of customFields) {
    custom.set(headerKey(f.key), f.key);
    custom.set(headerKey(f.label), f.key);
    custom.set(headerKey(`custom:${f.key}`), f.key);
  }
  const taken = new Set<string>();
  const mapping: Mapping = {};
  for (const column of columns) {
    const key = headerKey(column);
    const standard = GUESSES.find(([pattern]) => pattern.test(key))?.[1];
    const customKey = custom.get(key);
    let field: MappingTarget = standard ?? 'ignore';
    if ((standard === undefined || standard === 'ignore') && customKey !== undefined) field = `custom:${customKey}`;
    if (!multiColumnFields.has(field)) {
      if (taken.has(field)) field = 'ignore';
      else taken.add(field);
    }
    mapping[column] = field;
  }
  return mapping;
}
