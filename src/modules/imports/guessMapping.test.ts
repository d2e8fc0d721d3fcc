import { describe, expect, it } from 'vitest';
import { checkMapping } from './fields.ts';
import { guessMapping } from './guessMapping.ts';
import { parseImportDate, splitFullName } from './rowSchema.ts';

describe('mapping guesses', () => {
  it('recognise a NationBuilder export', () => {
    const columns = ['nationbuilder_id', 'first_name', 'middle_name', 'last_name', 'email', 'email1', 'email2', 'phone_number', 'mobile_number', 'work_phone_number',
      'primary_address1', 'primary_address2', 'primary_city', 'primary_zip', 'primary_country_code', 'tag_list', 'started_at'];
    expect(guessMapping(columns)).toEqual({
      nationbuilder_id: 'ignore', first_name: 'firstName', middle_name: 'ignore', last_name: 'lastName', email: 'email', email1: 'email', email2: 'email',
      phone_number: 'phone', mobile_number: 'mobile', work_phone_number: 'phone', primary_address1: 'addressLine1', primary_address2: 'addressLine2',
      primary_city: 'town', primary_zip: 'postcode', primary_country_code: 'ignore', tag_list: 'tags', started_at: 'joinedOn',
    });
  });

  it('recognise an Action Network export', () => {
    const columns = ['uuid', 'first_name', 'last_name', 'email', 'zip_code', 'can2_phone', 'can2_user_address', 'can2_user_city', 'can2_state_abbreviated', 'can2_subscription_status', 'can2_sms_status'];
    expect(guessMapping(columns)).toEqual({
      uuid: 'ignore', first_name: 'firstName', last_name: 'lastName', email: 'email', zip_code: 'postcode', can2_phone: 'phone',
      can2_user_address: 'addressLine1', can2_user_city: 'town', can2_state_abbreviated: 'ignore', can2_subscription_status: 'ignore', can2_sms_status: 'ignore',
    });
  });

  it('recognise an ordinary spreadsheet, custom fields by label, and our own export', () => {
    const sheet = ['First name', 'Surname', 'E-mail', 'Mobile', 'Telephone', 'Address', 'Town', 'Post code', 'Tags', 'Member status', 'Membership no.', 'Date joined', 'Trade union', 'Whatever'];
    expect(guessMapping(sheet, [{ key: 'union', label: 'Trade union' }])).toEqual({
      'First name': 'firstName', Surname: 'lastName', 'E-mail': 'email', Mobile: 'mobile', Telephone: 'phone', Address: 'addressLine1', Town: 'town',
      'Post code': 'postcode', Tags: 'tags', 'Member status': 'membershipStatus', 'Membership no.': 'membershipNumber', 'Date joined': 'joinedOn',
      'Trade union': 'custom:union', Whatever: 'ignore',
    });
    const ours = ['id', 'first_name', 'last_name', 'email', 'phone', 'mobile', 'address_line1', 'address_line2', 'town', 'postcode', 'ward_code', 'constituency_code',
      'membership_status', 'membership_number', 'joined_on', 'tags', 'unit', 'custom:union', 'created_at', 'updated_at'];
    expect(Object.values(guessMapping(ours, [{ key: 'union', label: 'Trade union' }]))).toEqual([
      'ignore', 'firstName', 'lastName', 'email', 'phone', 'mobile', 'addressLine1', 'addressLine2', 'town', 'postcode', 'wardCode', 'constituencyCode',
      'membershipStatus', 'membershipNumber', 'joinedOn', 'tags', 'unit', 'custom:union', 'ignore', 'ignore',
    ]);
    expect(guessMapping(['Name', 'Email Address'])).toEqual({ Name: 'fullName', 'Email Address': 'email' });
  });

  it('always produce a valid mapping: a single-value field goes to the first matching column only', () => {
    const columns = ['Surname', 'Last name', 'Email', 'Email (2)', 'Postcode', 'Zip'];
    const guess = guessMapping(columns);
    expect(guess).toEqual({ Surname: 'lastName', 'Last name': 'ignore', Email: 'email', 'Email (2)': 'email', Postcode: 'postcode', Zip: 'ignore' });
    expect(checkMapping(guess, columns, [])).toBe(guess);
  });

  it('read names and dates as people write them', () => {
    expect(splitFullName('Ann Marie Jones')).toEqual({ firstName: 'Ann Marie', lastName: 'Jones' });
    expect(splitFullName('Jones, Ann')).toEqual({ firstName: 'Ann', lastName: 'Jones' });
    expect(splitFullName('Cher')).toEqual({ firstName: 'Cher', lastName: '' });
    expect(['2024-03-31', '31/03/2024', '1/3/2024', '2024-03-31T10:00:00Z', '31.03.2024', '31/02/2024', '03/31/2024', 'yesterday'].map(parseImportDate))
      .toEqual(['2024-03-31', '2024-03-31', '2024-03-01', '2024-03-31', '2024-03-31', null, null, null]);
  });
});
